using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Teams;

/// <summary>One child on a team or worker page: who holds the case today and the child's alerts as at today.</summary>
public sealed record CaseRow(Child Child, Worker? Worker, IReadOnlyList<Alert> Alerts)
{
    /// <summary>The most urgent alert's severity, or null when the child has none.</summary>
    public Severity? MostSevere => Alerts.Count == 0 ? null : Alerts.Max(a => a.Severity);
}

/// <summary>A team's page: the children allocated to it today with their alerts, and each worker's caseload (children
/// per full-time equivalent) against the local ceiling in force today, with a link to each worker. A team manager
/// opens the teams they manage; the roles that see every child open any team; nobody else opens one.</summary>
public sealed class TeamModel(CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    public Team Team { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public LocalStandards Standards { get; private set; } = LocalStandards.Defaults;
    public IReadOnlyList<Caseload> Caseloads { get; private set; } = [];
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IActionResult OnGet(int id)
    {
        var scope = access.ScopeFor(User);
        if (council.Team(id) is not { } team || !scope.MaySeeTeam(id))
        {
            log.RefusedPage(User, $"Team {id}", council.Team(id) is null ? "No such team." : "Not a team the account may open.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Team = team;
        Date = clock.Today;
        Standards = council.AsAt(Date).Standards;
        var alerts = AlertsByChild(council, scope, Date);
        Caseloads = Caseload.OfTeam(council, id, Date, alerts);
        Cases = Rows(council, scope, council.AllocationsOn(Date).OfTeam(id), Date);
        return Page();
    }

    /// <summary>How many alerts each child the user may see has as at the date.</summary>
    public static IReadOnlyDictionary<int, int> AlertsByChild(CouncilData council, AccessScope scope, DateOnly date) =>
        Report(council, scope, date).Alerts.Where(a => a.ChildId is { } c && scope.MaySee(c))
            .Where(a => a.ChildId is not null).GroupBy(a => a.ChildId!.Value).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The children among <paramref name="childIds"/> the user may see, each with who holds the case and
    /// their alerts, those with the most urgent alerts first.</summary>
    public static IReadOnlyList<CaseRow> Rows(CouncilData council, AccessScope scope, IEnumerable<int> childIds, DateOnly date)
    {
        var seen = childIds.Where(scope.MaySee).ToList();
        var alerts = council.Alerts(date, seen).Alerts.Where(a => a.ChildId is not null).GroupBy(a => a.ChildId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Alert>)g.ToList());
        var allocations = council.AllocationsOn(date);
        return seen.Select(id => new CaseRow(council.Child(id)!, allocations.Of(id)?.WorkerId is { } w ? council.Worker(w) : null, alerts.GetValueOrDefault(id) ?? []))
            .OrderByDescending(r => r.MostSevere ?? (Severity)(-1)).ThenByDescending(r => r.Alerts.Count).ThenBy(r => r.Child.LAChildId, StringComparer.Ordinal)
            .ToList();
    }

    private static AlertReport Report(CouncilData council, AccessScope scope, DateOnly date) =>
        scope.EveryChild ? council.Alerts(date) : council.Alerts(date, scope.Children);
}
