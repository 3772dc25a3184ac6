using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Teams;

/// <summary>A worker's page: the children allocated to them today, their alerts as at today, and their caseload
/// against the local ceiling. A social worker opens only their own; a team manager those of their teams' workers;
/// the roles that see every child any worker's.</summary>
public sealed class WorkerModel(CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock) : PageModel
{
    public Worker Worker { get; private set; } = null!;
    public Team? Team { get; private set; }
    public bool MayOpenTeam { get; private set; }
    public DateOnly Date { get; private set; }
    public Caseload Caseload { get; private set; } = null!;
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];

    public IActionResult OnGet(int id)
    {
        var scope = access.ScopeFor(User);
        if (council.Worker(id) is not { } worker || !scope.MaySeeWorker(id))
        {
            log.RefusedPage(User, $"Worker {id}", council.Worker(id) is null ? "No such worker." : "Not a worker the account may open.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Worker = worker;
        Team = council.Team(worker.TeamId);
        MayOpenTeam = scope.MaySeeTeam(worker.TeamId);
        Date = clock.Today;
        var children = council.AllocationsOn(Date).OfWorker(id);
        Cases = TeamModel.Rows(council, scope, children, Date);
        Caseload = new Caseload(worker, children.Count, Cases.Sum(c => c.Alerts.Count), council.AsAt(Date).Standards);
        return Page();
    }
}
