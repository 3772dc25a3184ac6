using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Teams;

/// <summary>One team in the list of teams: its children allocated today, their alerts, and how many of its
/// workers are over or close to the caseload ceiling.</summary>
public sealed record TeamRow(Team Team, int Children, int Alerts, int Over, int Close);

/// <summary>The teams a user may open: every team for those who see every child, the teams they manage for a team
/// manager. A social worker has no list of teams: they are sent to their own worker page.</summary>
public sealed class IndexModel(CouncilData council, ChildAccess access, AccessLog log, SightlineClock clock, Sightline.Storage.SightlineDbContext db) : PageModel
{
    public DateOnly Date { get; private set; }
    public IReadOnlyList<TeamRow> Teams { get; private set; } = [];

    public IActionResult OnGet()
    {
        var scope = access.ScopeFor(User);
        if (!scope.EveryChild && scope.ManagedTeams.Count == 0)
        {
            var id = User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (db.Users.Where(u => u.Id == id).Select(u => u.WorkerStaffId).FirstOrDefault() is { } staffId && council.WorkerByStaffId(staffId) is { } own)
            {
                return Redirect($"/workers/{own.Id}");
            }

            log.RefusedPage(User, "Teams", "The account manages no team.");
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Date = clock.Today;
        var allocations = council.AllocationsOn(Date);
        var alerts = TeamModel.AlertsByChild(council, scope, Date);
        Teams = council.Snapshot.Teams.Where(t => scope.MaySeeTeam(t.Id))
            .Select(t =>
            {
                var children = allocations.OfTeam(t.Id);
                var caseloads = Caseload.OfTeam(council, t.Id, Date, alerts);
                return new TeamRow(t, children.Count, children.Sum(c => alerts.GetValueOrDefault(c)),
                    caseloads.Count(c => c.Level == CaseloadLevel.Over), caseloads.Count(c => c.Level == CaseloadLevel.Close));
            })
            .OrderBy(r => r.Team.Name, StringComparer.Ordinal).ToList();
        return Page();
    }
}
