using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Oversight.Supervision;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>A worker's supervision record: how often they are to be supervised, when the next session is due, every
/// session they were due with its outcome and how absence moved its due date (<see cref="SupervisionClock.DueSessions"/>),
/// the sessions and informal case discussions recorded, the actions agreed (open ones with how late they are and, for
/// those who may, a link to mark each done; done ones with who marked them done and when), and their absences. A social worker sees
/// only their own; a worker the user may not see is "not found", and the attempt is logged.</summary>
public sealed class WorkerModel(CouncilData council, SupervisionAccess access, ChildAccess children, SightlineClock clock, AccessLog log, SightlineDbContext db) : PageModel
{
    public Worker Worker { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public string Frequency { get; private set; } = "";
    public bool Measured { get; private set; }
    public DateOnly? NextDue { get; private set; }
    public int NextDuePaused { get; private set; }
    public IReadOnlyList<DueSession> Due { get; private set; } = [];
    public IReadOnlyList<SupervisionSession> Sessions { get; private set; } = [];
    /// <summary>The actions not yet done, most overdue first, then by due date (those with no timescale last).</summary>
    public IReadOnlyList<ListedAction> OpenActions { get; private set; } = [];

    /// <summary>The actions done, latest first.</summary>
    public IReadOnlyList<ListedAction> DoneActions { get; private set; } = [];

    /// <summary>Who marked each action done in Sightline, and when (UTC), by action; actions done in the council's
    /// own system (from the extract) are not here.</summary>
    public IReadOnlyDictionary<int, (string UserName, DateTime At)> MarkedDone { get; private set; } = new Dictionary<int, (string, DateTime)>();
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

    [BindProperty(SupportsGet = true)]
    public int? Done { get; set; }

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
        var actions = ListedAction.Of(worker, records.SupervisionOf(worker).Actions, asAt, council, scope, ChildScope);
        OpenActions = actions.Where(a => a.Action.CompletedDate is null)
            .OrderByDescending(a => a.DaysOverdue).ThenBy(a => a.Action.DueDate ?? DateOnly.MaxValue).ThenBy(a => a.Action.Id).ToList();
        DoneActions = actions.Where(a => a.Action.CompletedDate is not null)
            .OrderByDescending(a => a.Action.CompletedDate).ThenByDescending(a => a.Action.Id).ToList();
        MarkedDone = WhoMarkedDone(DoneActions.Select(a => a.Action.Id).ToList());
        Absences = worker.Absences.OrderByDescending(a => a.From).ToList();
        return Page();
    }

    /// <summary>Read from the database rather than the snapshot: only this page shows it.</summary>
    private Dictionary<int, (string UserName, DateTime At)> WhoMarkedDone(List<int> actionIds)
    {
        var marked = db.SupervisionActions.AsNoTracking()
            .Where(a => actionIds.Contains(a.Id) && a.CompletedBy != null && a.CompletedRecordedAt != null)
            .Select(a => new { a.Id, a.CompletedBy, a.CompletedRecordedAt }).ToList();
        var accounts = marked.Select(m => m.CompletedBy).Distinct().ToList();
        var names = db.Users.AsNoTracking().Where(u => accounts.Contains(u.Id)).ToDictionary(u => u.Id, u => u.UserName ?? "An account");
        return marked.ToDictionary(m => m.Id, m => (names.GetValueOrDefault(m.CompletedBy!, "An account since removed"), m.CompletedRecordedAt!.Value));
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
