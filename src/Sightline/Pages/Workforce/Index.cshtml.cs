using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Workforce;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Workforce;

/// <summary>Caseloads and churn as at a date: <see cref="WorkforceMeasures.Compute"/>, the computation
/// <c>sightline workforce</c> runs. Each case-holding worker's caseload against their pro-rata ceiling, the spread of
/// caseloads per FTE, the agency share, and the children allocated with 3 or more changes of social worker in 12
/// months (<see cref="SocialWorkerChanges"/>). For those who see other workers' supervision: a team manager their
/// teams, the roles that see every worker all of them; a social worker is refused.</summary>
public sealed class IndexModel(CouncilData council, SupervisionAccess access, ChildAccess children, SightlineClock clock, AccessLog log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    public DateOnly Date { get; private set; }
    public SupervisionScope Scope { get; private set; } = null!;
    public AccessScope ChildScope { get; private set; } = null!;
    public WorkforceReport Report { get; private set; } = null!;
    public LocalStandards Standards { get; private set; } = null!;
    public IReadOnlyList<WorkforceLine> Shown { get; private set; } = [];
    public IReadOnlyList<(Child Child, int Changes)> Churn { get; private set; } = [];

    public string TeamName(int? id) => id is { } t ? council.Team(t)?.Name ?? "No team" : "";

    public IActionResult OnGet()
    {
        Scope = access.ScopeFor(User);
        if (!Scope.SeesOthers)
        {
            log.RefusedPage(User, "Workforce", "The account sees no other worker's records.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        ChildScope = children.ScopeFor(User);
        Date = AsAt ?? clock.Today;
        var asAt = council.AsAt(Date);
        Standards = asAt.Standards;
        Func<Worker, bool>? include = Scope.EveryWorker ? null : w => Scope.MaySee(w.Id);
        Report = WorkforceMeasures.Compute(council.Snapshot, asAt, include);
        Shown = Report.Lines.Where(l => Scope.EveryWorker || l.Level >= OrganisationLevel.Team).ToList();

        var churn = new List<(Child, int)>();
        foreach (var child in Report.Lines.Where(l => l.Worker is not null).SelectMany(l => council.Snapshot.Workforce.AllocationsOf(l.Worker!.Id))
                     .Where(a => a.Allocation.IsOpenOn(Date)).Select(a => a.Child).DistinctBy(c => c.Id))
        {
            var changes = SocialWorkerChanges.InYearTo(child, Date).Count;
            if (changes >= Standards.ChurnChanges)
            {
                churn.Add((child, changes));
            }
        }

        Churn = churn.OrderByDescending(c => c.Item2).ThenBy(c => c.Item1.LAChildId, StringComparer.Ordinal).ToList();
        return Page();
    }

    public static string PerFte(double? value) => value is { } v ? $"{v:0.0}" : "–";

    public static string Share(double? value) => value is { } v ? $"{v:0.0}%" : "–";

    /// <summary>The width class of a bar: <paramref name="part"/> as a whole percentage of <paramref name="whole"/>.</summary>
    public static string Bar(int part, int whole) => $"sightline-bar__fill--{(whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole))}";
}
