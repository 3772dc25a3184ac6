using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>Marks an action agreed in supervision done, with the day it was done: not before the session that agreed
/// it, not after today. Who may is <see cref="SupervisionScope.MayCompleteActionsOf"/>: an action of a worker the user
/// may not see, or none, is "not found" (404); one the user sees but may not mark is refused (403). An action already
/// done is not marked again, changed or undone here. Every completion and every refused attempt is in the access log.</summary>
public sealed class DoneModel(CouncilData council, SupervisionAccess access, ChildAccess children, SightlineClock clock, SupervisionRecorder recorder, AccessLog log)
    : PageModel
{
    [BindProperty]
    public DateParts Completed { get; set; } = new();

    public ListedAction Listed { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public List<FormError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public IActionResult OnGet(int id)
    {
        if (Start(id, false) is { } refused)
        {
            return refused;
        }

        Completed = DateParts.Of(Today);
        return Page();
    }

    public IActionResult OnPost(int id)
    {
        if (Start(id, true) is { } refused)
        {
            return refused;
        }

        var session = Listed.Session;
        var date = Completed.Read("the date it was done", Errors, "completed-day");
        if (date is { } d && d < session.Date)
        {
            Errors.Add(new FormError("completed-day", $"The date it was done must be the same as or after {session.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, when the action was agreed"));
        }
        else if (date is { } f && f > Today)
        {
            Errors.Add(new FormError("completed-day", "The date it was done must be today or in the past"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        return recorder.CompleteAction(User, session, id, date!.Value) switch
        {
            CompleteOutcome.NotFound => NotFound(),
            CompleteOutcome.AlreadyDone => StatusCode(StatusCodes.Status409Conflict),
            _ => Redirect($"/supervision/workers/{session.WorkerId}?done={id}#actions"),
        };
    }

    /// <summary>Finds the action and decides whether the user may mark it done; on a post, an action already done is
    /// refused and logged (a page opened on one says so, with no form).</summary>
    private IActionResult? Start(int id, bool posting)
    {
        Today = clock.Today;
        var scope = access.ScopeFor(User);
        var record = SupervisionRecorder.ActionRecord(id);
        var found = council.Snapshot.Supervision.SelectMany(s => s.Actions.Select(a => (Session: s, Action: a))).FirstOrDefault(x => x.Action.Id == id);
        if (found.Action is null || !scope.MaySee(found.Session.WorkerId) || council.Worker(found.Session.WorkerId) is not { } worker)
        {
            log.Recorded(User, AccessAction.CompleteSupervisionAction, record, false, "No such action, or not one the account may see.");
            return NotFound();
        }

        if (!scope.MayCompleteActionsOf(found.Session))
        {
            log.Recorded(User, AccessAction.CompleteSupervisionAction, record, false,
                "Only a manager of the worker's team, an administrator or the account that recorded the session may mark its actions done.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Listed = ListedAction.Of(worker, [found], council.AsAt(Today), council, scope, children.ScopeFor(User))[0];
        if (posting && found.Action.CompletedDate is { } done)
        {
            log.Recorded(User, AccessAction.CompleteSupervisionAction, record, false,
                $"Already marked done on {done.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: a completion is not changed or undone in the application.");
            return StatusCode(StatusCodes.Status409Conflict);
        }

        return null;
    }
}
