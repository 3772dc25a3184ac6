using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight.Supervision;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>A worker's supervision record: how often they are to be supervised, when the next session is due, every
/// session they were due with its outcome and how absence moved its due date (<see cref="SupervisionClock.DueSessions"/>),
/// the sessions and informal case discussions recorded, the actions agreed, and their absences. A social worker sees
/// only their own; a worker the user may not see is "not found", and the attempt is logged.</summary>
public sealed class WorkerModel(CouncilData council, SupervisionAccess access, ChildAccess children, SightlineClock clock, AccessLog log) : PageModel
{
    public Worker Worker { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string Frequency { get; private set; } = "";
    public bool Measured { get; private set; }
    public DateOnly? NextDue { get; private set; }
    public int NextDuePaused { get; private set; }
    public IReadOnlyList<DueSession> Due { get; private set; } = [];
    public IReadOnlyList<SupervisionSession> Sessions { get; private set; } = [];
    public IReadOnlyList<(SupervisionSession Session, SupervisionAction Action)> Actions { get; private set; } = [];
    public IReadOnlyList<WorkerAbsence> Absences { get; private set; } = [];
    public bool MayRecord { get; private set; }
    public string? UserId { get; private set; }
    public AccessScope ChildScope { get; private set; } = AccessScope.Nothing("");

    [BindProperty(SupportsGet = true)]
    public int? Recorded { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Amended { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Absence { get; set; }

    public Team? Team => council.Team(Worker.TeamId);

    public Child? Child(int id) => council.Child(id);

    public Worker? Supervisor(int id) => council.Worker(id);

    public IActionResult OnGet(int id)
    {
        var scope = access.ScopeFor(User);
        if (council.Worker(id) is not { } worker || !scope.MaySee(id))
        {
            log.RefusedPage(User, $"Supervision of worker {id}", "No such worker, or not one the account may see.");
            return NotFound();
        }

        Worker = worker;
        Today = clock.Today;
        MayRecord = scope.MayRecordFor(id);
        UserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        ChildScope = children.ScopeFor(User);
        var snapshot = council.Snapshot;
        var asAt = council.AsAt(Today);
        var records = snapshot.Workforce;
        Measured = SupervisionSchedule.IsMeasured(worker, asAt.Standards);
        if (SupervisionClock.Current(worker, records, council.Calendar, asAt.Standards, Today.AddYears(1)) is { } current)
        {
            NextDue = current.Due.Date;
            NextDuePaused = current.Due.PausedWorkingDays;
        }

        Frequency = SupervisionSchedule.Describe(worker, Today, asAt.Standards);
        Due = SupervisionClock.DueSessions(worker, records, council.Calendar, asAt.Standards, Today).Reverse().ToList();
        Sessions = snapshot.Supervision.Where(s => s.WorkerId == id).OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).ToList();
        Actions = records.SupervisionOf(worker).Actions.OrderByDescending(a => a.Action.DueDate ?? a.Session.Date).ToList();
        Absences = worker.Absences.OrderByDescending(a => a.From).ToList();
        return Page();
    }

    public static string Outcome(SupervisionOutcome outcome) => outcome switch
    {
        SupervisionOutcome.Met => "Met",
        SupervisionOutcome.MissedWithReason => "Missed with reason",
        _ => "Missed",
    };

    public static string OutcomeTag(SupervisionOutcome outcome) => outcome switch
    {
        SupervisionOutcome.Met => "govuk-tag--green",
        SupervisionOutcome.MissedWithReason => "govuk-tag--yellow",
        _ => "govuk-tag--red",
    };
}
