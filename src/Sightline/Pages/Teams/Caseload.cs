using Sightline.Model;
using Sightline.Oversight;

namespace Sightline.Web.Pages.Teams;

/// <summary>How full a caseload is against the council's local standards.</summary>
public enum CaseloadLevel
{
    /// <summary>Fewer children per full-time equivalent than the warning point.</summary>
    Within,

    /// <summary>At or above the warning point (<see cref="LocalStandards.CaseloadWarning"/>), and no higher than the ceiling.</summary>
    Close,

    /// <summary>Above the ceiling (<see cref="LocalStandards.CaseloadCeiling"/>): more children than a full-time worker should hold.</summary>
    Over,
}

/// <summary>One worker's caseload on a date: the children allocated to them then, per full-time equivalent, judged
/// against the local caseload ceiling and warning point in force on the date.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Children">The children allocated to the worker on the date (an open allocation naming them).</param>
/// <param name="Alerts">How many alerts those children have as at the date.</param>
/// <param name="Standards">The local standards in force on the date.</param>
public sealed record Caseload(Worker Worker, int Children, int Alerts, LocalStandards Standards)
{
    /// <summary>Children per full-time equivalent: the children divided by the worker's FTE (a worker recorded with
    /// no FTE is counted as full-time).</summary>
    public double PerFte => Children / (Worker.Fte > 0 ? (double)Worker.Fte : 1.0);

    /// <summary>Over when children per FTE are above the ceiling; close when at or above the warning point.</summary>
    public CaseloadLevel Level => PerFte > Standards.CaseloadCeiling ? CaseloadLevel.Over
        : PerFte >= Standards.CaseloadWarning ? CaseloadLevel.Close
        : CaseloadLevel.Within;

    /// <summary>The level as a manager reads it.</summary>
    public string LevelText => Level switch
    {
        CaseloadLevel.Over => $"Over the ceiling of {Standards.CaseloadCeiling}",
        CaseloadLevel.Close => $"Close to the ceiling (from {Standards.CaseloadWarning})",
        _ => "Within the ceiling",
    };

    /// <summary>The caseloads of a team's workers on the date: every case-holding worker of the team in post then
    /// (with none when they hold none), and any worker of another team who holds one of the team's children.</summary>
    public static IReadOnlyList<Caseload> OfTeam(CouncilData council, int teamId, DateOnly date, IReadOnlyDictionary<int, int> alertsByChild)
    {
        var allocations = council.AllocationsOn(date);
        var holding = allocations.OfTeam(teamId).Select(allocations.Of).OfType<Allocation>()
            .Where(a => a.WorkerId is not null).Select(a => a.WorkerId!.Value);
        var members = council.Snapshot.Workers.Where(w => w.TeamId == teamId && w.HoldsCases && w.IsInPostOn(date)).Select(w => w.Id);
        return members.Concat(holding).Distinct().Select(council.Worker).OfType<Worker>()
            .Select(w => Of(council, w, date, alertsByChild))
            .OrderBy(c => c.Worker.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>One worker's caseload on the date.</summary>
    public static Caseload Of(CouncilData council, Worker worker, DateOnly date, IReadOnlyDictionary<int, int> alertsByChild)
    {
        var children = council.AllocationsOn(date).OfWorker(worker.Id);
        return new Caseload(worker, children.Count, children.Sum(c => alertsByChild.GetValueOrDefault(c)), council.AsAt(date).Standards);
    }
}
