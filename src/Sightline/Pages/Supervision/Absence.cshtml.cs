using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>Records a worker's absence (its kind, first day and last day, or no last day while they are away), for a
/// worker the user may record for. The supervision clock pauses for it at once.</summary>
public sealed class AbsenceModel(CouncilData council, SupervisionAccess access, SightlineClock clock, SupervisionRecorder recorder, AccessLog log) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "worker")]
    public int? WorkerId { get; set; }

    [BindProperty]
    public AbsenceKind? Kind { get; set; }

    [BindProperty]
    public DateParts From { get; set; } = new();

    [BindProperty]
    public DateParts To { get; set; } = new();

    public Worker? Worker { get; private set; }
    public IReadOnlyList<Worker> WorkerOptions { get; private set; } = [];
    public List<FormError> Errors { get; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public static string Words(AbsenceKind kind) => kind switch
    {
        AbsenceKind.AnnualLeave => "Annual leave",
        _ => kind.ToString(),
    };

    public IActionResult OnGet() => Start() ?? Page();

    public IActionResult OnPost()
    {
        if (Start() is { } refused)
        {
            return refused;
        }

        if (Worker is null)
        {
            return BadRequest();
        }

        if (Kind is null || !Enum.IsDefined(Kind.Value))
        {
            Errors.Add(new FormError("kind", "Select the kind of absence"));
        }

        var from = From.Read("the first day of absence", Errors, "from-day");
        var to = To.Read("the last day of absence", Errors, "to-day", required: false);
        if (from is { } f && to is { } t && t < f)
        {
            Errors.Add(new FormError("to-day", "The last day of absence must be the same as or after the first day"));
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        recorder.RecordAbsence(User, Worker.Id, Kind!.Value, from!.Value, to);
        return Redirect($"/supervision/workers/{Worker.Id}?absence=recorded");
    }

    private IActionResult? Start()
    {
        var scope = access.ScopeFor(User);
        WorkerOptions = council.Snapshot.Workers.Where(w => scope.MayRecordFor(w.Id) && w.IsInPostOn(clock.Today))
            .OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (!scope.Records)
        {
            log.Recorded(User, AccessAction.RecordAbsence, "Record an absence", false, "The account records absences for no one.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (WorkerId is { } id)
        {
            if (council.Worker(id) is not { } worker || !scope.MayRecordFor(id))
            {
                log.Recorded(User, AccessAction.RecordAbsence, $"Record an absence for worker {id}", false, "Not a worker the account may record for.");
                return NotFound();
            }

            Worker = worker;
        }

        return null;
    }
}
