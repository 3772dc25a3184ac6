using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Children;

/// <summary>One allocation in a child's history, with its team and worker.</summary>
public sealed record AllocationRow(Allocation Allocation, Team? Team, Worker? Worker);

/// <summary>A child's record: the journey on one timeline, who has held the case, and the alerts as at today (or a
/// chosen date) with each one's explanation, source and what clears it. Every opening is written to the access log;
/// a child the user may not see, and a child who does not exist, are both "not found", and both logged as refused.</summary>
public sealed class IndexModel(CouncilData council, SightlineDatabase database, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public DateOnly? AsAt { get; set; }

    public Sightline.Model.Child Child { get; private set; } = null!;
    public DateOnly Date { get; private set; }
    public IReadOnlyList<JourneyEvent> Events { get; private set; } = [];
    public IReadOnlyList<AllocationRow> History { get; private set; } = [];
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];
    public IReadOnlyList<CoverageGap> Gaps { get; private set; } = [];
    public AllocationRow? Current { get; private set; }

    public IActionResult OnGet(int id)
    {
        var child = council.Child(id);
        if (child is null || !access.ScopeFor(User).MaySee(id))
        {
            log.ViewedChild(User, id, allowed: false, child is null ? "No such child." : "Not a child the account may see.");
            return NotFound();
        }

        log.ViewedChild(User, id, allowed: true);
        Child = child;
        Date = ModelState.IsValid && AsAt is { } date ? date : clock.Today;
        Events = [.. Journey.Of(child, SnapshotLoader.ReadChildRecordOnly(database, id), Date, council.Worker).Concat(Supervision.SupervisionJourney.Of(council.SupervisionOf(id), id, Date, council.Worker)).OrderBy(e => e.Date)];
        History = child.Allocations.OrderByDescending(a => a.StartDate)
            .Select(a => new AllocationRow(a, council.Team(a.TeamId), a.WorkerId is { } w ? council.Worker(w) : null))
            .ToList();
        Current = History.FirstOrDefault(r => r.Allocation.IsOpenOn(Date));
        var report = council.Alerts(Date, [id]);
        Alerts = report.Alerts;
        Gaps = report.Gaps;
        return Page();
    }

    /// <summary>The child's age on the date in whole years, or null before birth or when the date of birth is not recorded.</summary>
    public int? AgeOn(DateOnly date)
    {
        if (Child.DateOfBirth is not { } born || born > date)
        {
            return null;
        }

        var age = date.Year - born.Year;
        return born.AddYears(age) > date ? age - 1 : age;
    }
}
