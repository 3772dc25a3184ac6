using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Oversight.Workforce;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>One month of the trend: its figures summed over the lines the page leads with.</summary>
public sealed record TrendMonth(Period Month, ComplianceFigures Sessions);

/// <summary>Supervision compliance over a period (both ends inclusive) for the lines the user may see, and a monthly
/// trend with its table: <see cref="SupervisionCompliance.Compute"/>, the computation <c>sightline supervision</c>
/// runs, never worked out again here. Those who see every worker get the council, each service and each team (and a
/// team's workers when it is chosen); a team manager their teams and their workers; a social worker their own line.</summary>
public sealed class IndexModel(CouncilData council, SupervisionAccess access, SightlineClock clock, AccessLog log) : PageModel
{
    /// <summary>The longest period asked for at once, so that one request cannot hold the server for long.</summary>
    public const int MaxMonths = 36;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Team { get; set; }

    public Period Period { get; private set; }
    public SupervisionScope Scope { get; private set; } = null!;
    public IReadOnlyList<ComplianceLine> Lines { get; private set; } = [];
    public IReadOnlyList<TrendMonth> Trend { get; private set; } = [];
    public string TrendOf { get; private set; } = "";
    public IReadOnlyList<Team> TeamOptions { get; private set; } = [];
    public List<FormError> Errors { get; } = [];
    public bool NoSupervision { get; private set; }
    public bool NoAbsences { get; private set; }

    public string TeamName(int? id) => id is { } t ? council.Team(t)?.Name ?? "No team" : "";

    public IActionResult OnGet()
    {
        Scope = access.ScopeFor(User);
        var today = clock.Today;
        var to = To ?? today;
        var from = From ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        if (to < from)
        {
            Errors.Add(new FormError("from", "The start of the period must be on or before its end"));
            (from, to) = (to, from);
        }

        if (from < to.AddMonths(-MaxMonths))
        {
            Errors.Add(new FormError("from", $"The period can be up to {MaxMonths} months long: it has been shortened"));
            from = to.AddMonths(-MaxMonths).AddDays(1);
        }

        Period = new Period(from, to);
        var snapshot = council.Snapshot;
        var workerTeams = snapshot.Workers.Where(w => Scope.MaySee(w.Id)).Select(w => w.TeamId).ToHashSet();
        TeamOptions = snapshot.Teams.Where(t => Scope.EveryWorker || workerTeams.Contains(t.Id)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (Team is { } team && TeamOptions.All(t => t.Id != team))
        {
            log.RefusedPage(User, $"Supervision compliance of team {team}", "No such team, or not one the account may see.");
            return NotFound();
        }

        NoSupervision = !snapshot.Coverage.Has("supervision");
        NoAbsences = !snapshot.Coverage.Has("absences");
        Func<Worker, bool> include = w => Scope.MaySee(w.Id) && (Team is null || w.TeamId == Team);
        var lines = SupervisionCompliance.Compute(snapshot, [Period], council.Calendar, include);
        var months = SupervisionCompliance.Compute(snapshot, Period.Months().ToList(), council.Calendar, include);

        // Above a team, lines made over a filtered set of workers would be mislabelled: only those who see every
        // worker get the council and services; a chosen team shows its workers.
        var leading = Team is not null ? OrganisationLevel.Team : Scope.EveryWorker ? OrganisationLevel.Council : Scope.SeesOthers ? OrganisationLevel.Team : OrganisationLevel.Worker;
        Lines = lines.Where(l => l.Level >= leading && (l.Level != OrganisationLevel.Worker || Team is not null || !Scope.EveryWorker))
            .OrderBy(l => l.Level).ThenBy(l => l.Name, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Worker?.StaffId, StringComparer.Ordinal).ToList();
        Trend = months.Where(l => l.Level == leading).GroupBy(l => l.Period)
            .Select(g => new TrendMonth(g.Key, g.Aggregate(new ComplianceFigures(), (sum, l) => sum + l.Sessions)))
            .OrderBy(m => m.Month.From).ToList();
        TrendOf = leading switch
        {
            OrganisationLevel.Council => council.CouncilName,
            OrganisationLevel.Team when Team is not null => TeamName(Team),
            OrganisationLevel.Team => "Your teams",
            _ => "Your supervision",
        };
        return Page();
    }

    /// <summary>The width class of a compliance bar: the percentage rounded to a whole number.</summary>
    public static string Bar(double? percentage) => $"sightline-bar__fill--{(int)Math.Round(Math.Clamp(percentage ?? 0, 0, 100))}";

    public static string Percent(double? value) => value is { } v ? $"{v:0.0}%" : "none due";
}
