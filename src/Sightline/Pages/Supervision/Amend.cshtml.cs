using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>Amends a session recorded in the application. Only the account that recorded it may (a session loaded
/// from an extract is amended in the council's own system); every amendment, and every refused attempt, is written to
/// the access log with what changed, where no one can edit it.</summary>
public sealed class AmendModel(CouncilData council, SupervisionAccess access, SightlineClock clock, SupervisionRecorder recorder, AccessLog log)
    : SessionFormPage(council, access, clock)
{
    public SupervisionSession Session { get; private set; } = null!;

    public IActionResult OnGet(int id)
    {
        if (Start(id) is { } refused)
        {
            return refused;
        }

        Form = SessionForm.Of(Session);
        return Page();
    }

    public IActionResult OnPost(int id)
    {
        if (Start(id) is { } refused)
        {
            return refused;
        }

        if (Check() is not { } entry)
        {
            return Page();
        }

        return recorder.Amend(User, id, entry) switch
        {
            AmendOutcome.NotFound => NotFound(),
            AmendOutcome.NotAuthor => StatusCode(StatusCodes.Status403Forbidden),
            _ => Redirect($"/supervision/workers/{Session.WorkerId}?amended={id}"),
        };
    }

    private IActionResult? Start(int id)
    {
        var session = Council.Snapshot.Supervision.FirstOrDefault(s => s.Id == id);
        if (session is null || !Access.ScopeFor(User).MaySee(session.WorkerId) || Council.Worker(session.WorkerId) is not { } worker)
        {
            log.Recorded(User, AccessAction.AmendSupervision, $"Supervision session {id}", false, "No such session, or not one the account may see.");
            return NotFound();
        }

        if (session.RecordedBy is null || session.RecordedBy != User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            log.Recorded(User, AccessAction.AmendSupervision, $"Supervision session {id}", false, "Only the account that recorded a session may amend it.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Session = session;
        Kind = session.Kind;
        LoadOptions(worker);

        // Children discussed before and no longer allocated stay choosable, so that an amendment does not drop them.
        var extra = session.ChildIdsDiscussed.ToArray().Where(c => ChildOptions.All(o => o.Id != c)).Select(Council.Child).OfType<Child>();
        ChildOptions = [.. ChildOptions, .. extra];
        return null;
    }
}
