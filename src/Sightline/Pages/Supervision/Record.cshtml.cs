using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>What the session form shows besides its values: the worker, the children and supervisors to choose
/// from, and the problems with what was entered.</summary>
public abstract class SessionFormPage(CouncilData council, SupervisionAccess access, SightlineClock clock) : PageModel
{
    protected CouncilData Council => council;
    protected SupervisionAccess Access => access;
    protected SightlineClock Clock => clock;

    [BindProperty]
    public SessionForm Form { get; set; } = new();

    public Worker? Worker { get; protected set; }
    public SupervisionKind Kind { get; protected set; }
    public IReadOnlyList<Child> ChildOptions { get; protected set; } = [];
    public IReadOnlyList<Worker> SupervisorOptions { get; protected set; } = [];
    public List<FormError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>The worker's children allocated today, and the managers in post today who may supervise.</summary>
    protected void LoadOptions(Worker worker)
    {
        Worker = worker;
        var today = clock.Today;
        ChildOptions = council.AllocationsOn(today).OfWorker(worker.Id).Select(council.Child).OfType<Child>().OrderBy(c => c.LAChildId, StringComparer.Ordinal).ToList();
        SupervisorOptions = council.Snapshot.Workers.Where(w => !w.HoldsCases && w.IsInPostOn(today) && w.Id != worker.Id)
            .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    protected SessionEntry? Check()
    {
        Form.Actions.RemoveAll(a => a is null);
        var entry = Form.Check(Worker!, Kind, ChildOptions.Select(c => c.Id).ToHashSet(), SupervisorOptions.Select(w => w.Id).ToHashSet(), clock.Today, Errors);
        Form.PadActions();
        return entry;
    }
}

/// <summary>Records a supervision session (held, or not held with the reason) or an informal case discussion about
/// one child, for a worker the user may record for (<see cref="SupervisionAccess"/>). The worker is chosen first, so
/// that the children discussed are chosen from the worker's allocated children.</summary>
public sealed class RecordModel(CouncilData council, SupervisionAccess access, SightlineClock clock, SupervisionRecorder recorder, AccessLog log)
    : SessionFormPage(council, access, clock)
{
    [BindProperty(SupportsGet = true, Name = "worker")]
    public int? WorkerId { get; set; }

    [BindProperty(SupportsGet = true, Name = "child")]
    public int? ChildId { get; set; }

    public IReadOnlyList<Worker> WorkerOptions { get; private set; } = [];

    public bool Informal => Kind == SupervisionKind.InformalCaseDiscussion;

    public IActionResult OnGet(string kind)
    {
        if (Start(kind) is { } refused)
        {
            return refused;
        }

        if (Worker is not null)
        {
            Form.Supervisor = Access.ScopeFor(User).Self is { } self && SupervisorOptions.Any(s => s.Id == self) ? self : Worker.SupervisorId;
            Form.Date = DateParts.Of(Clock.Today);
            if (ChildId is { } child && ChildOptions.Any(c => c.Id == child))
            {
                Form.Children = [child];
            }

            Form.PadActions();
        }

        return Page();
    }

    public IActionResult OnPost(string kind)
    {
        if (Start(kind) is { } refused)
        {
            return refused;
        }

        if (Worker is null)
        {
            return BadRequest();
        }

        if (Check() is not { } entry)
        {
            return Page();
        }

        var id = recorder.Record(User, entry);
        return Redirect($"/supervision/workers/{Worker.Id}?recorded={id}");
    }

    /// <summary>Decides the kind, the workers the user may record for, and the chosen worker; a refusal is logged.</summary>
    private IActionResult? Start(string kind)
    {
        Kind = kind == "discussion" ? SupervisionKind.InformalCaseDiscussion : SupervisionKind.Formal;
        var scope = Access.ScopeFor(User);
        WorkerOptions = Council.Snapshot.Workers.Where(w => scope.MayRecordFor(w.Id) && w.IsInPostOn(Clock.Today))
            .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (!scope.Records)
        {
            log.Recorded(User, AccessAction.RecordSupervision, "Record supervision", false, "The account records supervision for no one.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (WorkerId is { } id)
        {
            if (Council.Worker(id) is not { } worker || !scope.MayRecordFor(id))
            {
                log.Recorded(User, AccessAction.RecordSupervision, $"Record supervision for worker {id}", false, "Not a worker the account may record for.");
                return NotFound();
            }

            LoadOptions(worker);
        }

        return null;
    }
}
