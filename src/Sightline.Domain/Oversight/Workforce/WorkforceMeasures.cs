using Sightline.Model;

namespace Sightline.Oversight.Workforce;

/// <summary>Where a worker's caseload stands against their pro-rata ceiling.</summary>
public enum CaseloadStatus
{
    /// <summary>Below the warning point.</summary>
    Within,

    /// <summary>At or above the warning point (default 18 per full-time worker), not over the ceiling.</summary>
    AtWarning,

    /// <summary>More children than the ceiling (default 20 per full-time worker).</summary>
    OverCeiling,
}

/// <summary>The workforce figures for a worker, team, service or the council, as at a date. On a worker's line the
/// counts are that worker's; on the others they are summed over the case-holding workers in post in it.</summary>
/// <param name="Level">Who it is about.</param>
/// <param name="Name">The worker's, team's or service's name, or the council's.</param>
/// <param name="Worker">The worker, on a worker's line.</param>
/// <param name="TeamId">The team (the worker's own on a worker's line).</param>
/// <param name="ServiceId">The service of the team.</param>
/// <param name="Workers">Case-holding workers in post on the date.</param>
/// <param name="Fte">Their full-time equivalence.</param>
/// <param name="AgencyWorkers">Those supplied by an agency.</param>
/// <param name="AgencyFte">Their FTE.</param>
/// <param name="Children">Children allocated to them (<see cref="Caseloads"/>), each child counted once.</param>
/// <param name="OverCeiling">Workers over their pro-rata ceiling.</param>
/// <param name="AtWarning">Workers at or above their pro-rata warning point and not over the ceiling.</param>
/// <param name="Unallocated">Children with an open case held by the team (or the teams of the line) without a worker.</param>
/// <param name="Changes">Changes of social worker in the 12 months to the date, summed over those children.</param>
/// <param name="WithChurn">Those children who had at least the local number of changes (default 3) in those 12 months.</param>
/// <param name="Leavers">Case-holding workers of the team (or teams) whose leaving date fell in the 12 months to the date.</param>
/// <param name="LeaverFte">Their FTE.</param>
public sealed record WorkforceLine(OrganisationLevel Level, string Name, Worker? Worker, int? TeamId, int? ServiceId,
    int Workers, decimal Fte, int AgencyWorkers, decimal AgencyFte, int Children, int OverCeiling, int AtWarning, int Unallocated,
    int Changes, int WithChurn, int Leavers, decimal LeaverFte)
{
    /// <summary>Children per full-time equivalent: <see cref="Children"/> / <see cref="Fte"/>.</summary>
    public double? PerFte => Caseloads.PerFte(Children, Fte);

    /// <summary>Agency FTE as a percentage of all FTE.</summary>
    public double? AgencyShare => Fte > 0 ? 100.0 * (double)(AgencyFte / Fte) : null;

    /// <summary>Leavers' FTE in the 12 months as a percentage of the FTE in post on the date (the DfE's turnover rate).</summary>
    public double? Turnover => Fte > 0 ? 100.0 * (double)(LeaverFte / Fte) : null;

    /// <summary>Children allocated with at least the local number of changes of social worker, as a percentage of children allocated.</summary>
    public double? ChurnShare => Children > 0 ? 100.0 * WithChurn / Children : null;

    /// <summary>On a worker's line, where their caseload stands.</summary>
    public CaseloadStatus? Status => Worker is null ? null : OverCeiling > 0 ? CaseloadStatus.OverCeiling : AtWarning > 0 ? CaseloadStatus.AtWarning : CaseloadStatus.Within;

    internal WorkforceLine Plus(WorkforceLine other) => this with
    {
        Workers = Workers + other.Workers, Fte = Fte + other.Fte, AgencyWorkers = AgencyWorkers + other.AgencyWorkers, AgencyFte = AgencyFte + other.AgencyFte,
        Children = Children + other.Children, OverCeiling = OverCeiling + other.OverCeiling, AtWarning = AtWarning + other.AtWarning,
        Unallocated = Unallocated + other.Unallocated, Changes = Changes + other.Changes, WithChurn = WithChurn + other.WithChurn,
        Leavers = Leavers + other.Leavers, LeaverFte = LeaverFte + other.LeaverFte,
    };
}

/// <summary>A band of caseloads per FTE, and how many case-holding workers fall in it.</summary>
public sealed record CaseloadBand(string Band, int Workers);

/// <summary>The workforce as at a date: lines for the council, each service, team and case-holding worker in post;
/// the spread of caseloads per FTE; how many changes of social worker the allocated children had in 12 months.</summary>
/// <param name="AsAt">The date.</param>
/// <param name="Lines">The council's line, then each service's, team's and worker's.</param>
/// <param name="Distribution">Case-holding workers by caseload per FTE.</param>
/// <param name="ChangesOfWorker">Children allocated by the number of changes of social worker in the 12 months to the
/// date: none, 1, 2, … up to the churn threshold and beyond it ("3 or more" by default).</param>
/// <param name="MedianPerFte">The median caseload per FTE of the case-holding workers.</param>
/// <param name="HighestPerFte">The highest.</param>
public sealed record WorkforceReport(DateOnly AsAt, IReadOnlyList<WorkforceLine> Lines, IReadOnlyList<CaseloadBand> Distribution,
    IReadOnlyList<(string Changes, int Children)> ChangesOfWorker, double? MedianPerFte, double? HighestPerFte)
{
    /// <summary>Why no vacancy rate is given.</summary>
    public const string Vacancies = "Not available: a vacancy rate needs the council's establishment (funded posts), which no extract carries.";

    public WorkforceLine Council => Lines[0];
}

/// <summary>Workforce measures as at a date: caseloads pro rata to FTE against the ceiling, per worker and team; their
/// spread; the agency share; changes of social worker per child; turnover. Case-holding workers only (social
/// workers, senior and advanced practitioners) in post on the date; a worker's team is their team now. Sources: the
/// Bury monitoring visit (caseloads "of up to 25", a high reliance on agency staff, too many changes of social
/// worker); the DfE's "Children's social work workforce" statistics for agency and turnover rates.</summary>
public static class WorkforceMeasures
{
    /// <summary>The measures as at <paramref name="asAt"/>.</summary>
    /// <param name="snapshot">The council's records.</param>
    /// <param name="asAt">The date, and the standards for the ceiling, warning point and churn threshold.</param>
    /// <param name="include">Which workers to count; all case-holding workers in post when null.</param>
    public static WorkforceReport Compute(CouncilSnapshot snapshot, AsAt asAt, Func<Worker, bool>? include = null)
    {
        var records = snapshot.Workforce;
        var date = asAt.Date;
        var standards = asAt.Standards;
        var counted = snapshot.Workers.Where(w => w.HoldsCases && (include is null || include(w))).ToList();
        var inPost = counted.Where(w => w.IsInPostOn(date)).OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ThenBy(w => w.StaffId, StringComparer.Ordinal).ToList();
        var changes = new Dictionary<int, int>();
        var childrenOf = new Dictionary<int, List<Child>>();
        var workerLines = new List<WorkforceLine>();
        foreach (var worker in inPost)
        {
            var children = childrenOf[worker.Id] = records.AllocationsOf(worker.Id).Where(a => a.Allocation.IsOpenOn(date)).Select(a => a.Child).DistinctBy(c => c.Id).ToList();
            int workerChanges = 0, withChurn = 0;
            foreach (var child in children)
            {
                var n = SocialWorkerChanges.InYearTo(child, date).Count;
                changes[child.Id] = n;
                workerChanges += n;
                withChurn += n >= standards.ChurnChanges ? 1 : 0;
            }

            var over = Caseloads.IsOverCeiling(worker, children.Count, standards);
            var warning = !over && children.Count >= Caseloads.Warning(worker, standards);
            var agency = worker.Employment == Employment.Agency;
            workerLines.Add(new WorkforceLine(OrganisationLevel.Worker, worker.Name, worker, worker.TeamId, records.ServiceOf(worker.TeamId)?.Id,
                1, worker.Fte, agency ? 1 : 0, agency ? worker.Fte : 0, children.Count, over ? 1 : 0, warning ? 1 : 0, 0, workerChanges, withChurn, 0, 0));
        }

        var unallocated = Unallocated(snapshot, date);
        var leavers = counted.Where(w => w.LeavingDate is { } left && left > date.AddMonths(-12) && left <= date).ToList();
        var teamIds = workerLines.Select(l => l.TeamId!.Value).Concat(leavers.Select(w => w.TeamId)).Concat(unallocated.Keys).ToHashSet();
        if (include is not null)
        {
            // A filtered view keeps the teams of the workers it counts.
            teamIds.IntersectWith(counted.Select(w => w.TeamId));
        }

        // Above a worker, a child allocated to two of the line's workers counts once, as in the average caseload.
        WorkforceLine Distinct(WorkforceLine line, Func<WorkforceLine, bool> covers)
        {
            var children = workerLines.Where(covers).SelectMany(w => childrenOf[w.Worker!.Id]).DistinctBy(c => c.Id).ToList();
            return line with
            {
                Children = children.Count,
                Changes = children.Sum(c => changes[c.Id]),
                WithChurn = children.Count(c => changes[c.Id] >= standards.ChurnChanges),
            };
        }

        var teamLines = teamIds.Select(teamId =>
            {
                var line = new WorkforceLine(OrganisationLevel.Team, records.TeamName(teamId), null, teamId, records.ServiceOf(teamId)?.Id,
                    0, 0, 0, 0, 0, 0, 0, unallocated.GetValueOrDefault(teamId), 0, 0,
                    leavers.Count(w => w.TeamId == teamId), leavers.Where(w => w.TeamId == teamId).Sum(w => w.Fte));
                return Distinct(workerLines.Where(w => w.TeamId == teamId).Aggregate(line, (sum, w) => sum.Plus(w)), w => w.TeamId == teamId);
            })
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var serviceLines = teamLines.GroupBy(l => l.ServiceId)
            .Select(g => Distinct(g.Skip(1).Aggregate(g.First() with
            {
                Level = OrganisationLevel.Service, Name = g.Key is { } id && records.Services.TryGetValue(id, out var s) ? s.Name : "no service", TeamId = null,
            }, (sum, t) => sum.Plus(t)), w => records.ServiceOf(w.TeamId!.Value)?.Id == g.Key))
            .OrderBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var council = Distinct(serviceLines.Aggregate(
            new WorkforceLine(OrganisationLevel.Council, snapshot.Council?.Name ?? "Council", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            (sum, s) => sum.Plus(s)), _ => true);

        var perFte = workerLines.Select(l => l.PerFte).OfType<double>().Order().ToList();
        return new WorkforceReport(date, [council, .. serviceLines, .. teamLines, .. workerLines], Distribution(perFte, standards),
            ChangesDistribution(changes.Values, standards), Median(perFte), perFte.Count == 0 ? null : perFte[^1]);
    }

    /// <summary>Children with an open child in need episode whose open allocation on the date is to a team without a
    /// worker, by team.</summary>
    private static Dictionary<int, int> Unallocated(CouncilSnapshot snapshot, DateOnly date)
    {
        var byTeam = new Dictionary<int, int>();
        foreach (var child in snapshot.Children)
        {
            var open = child.Allocations.Where(a => a.IsOpenOn(date)).ToList();
            if (open.Count > 0 && open.TrueForAll(a => a.WorkerId is null) && child.CinEpisodes.Exists(e => e.IsOpenOn(date) && !e.ReferralNfa))
            {
                var teamId = open.MaxBy(a => a.StartDate)!.TeamId;
                byTeam[teamId] = byTeam.GetValueOrDefault(teamId) + 1;
            }
        }

        return byTeam;
    }

    /// <summary>Bands of caseload per FTE: fewer than 10; 10 to under 15; 15 to under the warning point; the warning
    /// point to the ceiling (inclusive); over the ceiling to 25; over 25 (the Bury seed's "up to 25").</summary>
    private static List<CaseloadBand> Distribution(List<double> perFte, LocalStandards standards)
    {
        double warning = Math.Max(15, standards.CaseloadWarning), ceiling = Math.Max(warning, standards.CaseloadCeiling), top = Math.Max(25, ceiling);
        var bands = new List<(string Band, Func<double, bool> In)>
        {
            ("fewer than 10", v => v < 10),
            ("10 to under 15", v => v >= 10 && v < 15),
        };
        if (warning > 15)
        {
            bands.Add(($"15 to under {warning:0.##}", v => v >= 15 && v < warning));
        }

        bands.Add(($"{warning:0.##} to {ceiling:0.##} (at the warning point)", v => v >= warning && v <= ceiling));
        if (top > ceiling)
        {
            bands.Add(($"over {ceiling:0.##} to {top:0.##}", v => v > ceiling && v <= top));
        }

        bands.Add(($"over {top:0.##}", v => v > top));
        return bands.Select(b => new CaseloadBand(b.Band, perFte.Count(b.In))).ToList();
    }

    private static List<(string, int)> ChangesDistribution(IEnumerable<int> changes, LocalStandards standards)
    {
        var counts = changes.ToList();
        var threshold = Math.Max(1, standards.ChurnChanges);
        var result = new List<(string, int)>();
        for (var n = 0; n < threshold; n++)
        {
            result.Add((n == 0 ? "none" : n.ToString(System.Globalization.CultureInfo.InvariantCulture), counts.Count(c => c == n)));
        }

        result.Add(($"{threshold} or more", counts.Count(c => c >= threshold)));
        return result;
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
