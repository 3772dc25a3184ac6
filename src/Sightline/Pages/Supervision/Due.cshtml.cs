using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Model;
using Sightline.Oversight.Alerts;
using Sightline.Oversight.Supervision;
using Sightline.Web.Access;

namespace Sightline.Web.Pages.Supervision;

/// <summary>A worker's next supervision session, from <see cref="SupervisionClock.Current"/>.</summary>
public sealed record SessionDue(Worker Worker, DateOnly Due, int PausedWorkingDays);

/// <summary>Due this week: the supervision sessions due in the next 7 days (today and the 6 days after) and those
/// already overdue, and the allocated children whose case supervision falls due in the same 7 days
/// (<see cref="CaseSupervision.Of"/>), and the actions agreed in supervision due in the same days or already overdue, for
/// the workers the user may see.</summary>
public sealed class DueModel(CouncilData council, SupervisionAccess access, ChildAccess children, SightlineClock clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public DateOnly Until => Today.AddDays(6);
    public SupervisionScope Scope { get; private set; } = null!;
    public AccessScope ChildScope { get; private set; } = null!;
    public IReadOnlyList<SessionDue> Overdue { get; private set; } = [];
    public IReadOnlyList<SessionDue> ThisWeek { get; private set; } = [];
    public IReadOnlyList<CaseSupervisionStatus> Cases { get; private set; } = [];

    /// <summary>The most actions listed: a council's whole list is on each worker's record.</summary>
    public const int ActionsShown = 100;

    /// <summary>Actions agreed in supervision, not yet done, due by <see cref="Until"/> (overdue ones included), most
    /// overdue first, at most <see cref="ActionsShown"/>.</summary>
    public IReadOnlyList<ListedAction> Actions { get; private set; } = [];

    /// <summary>All the actions <see cref="Actions"/> is drawn from.</summary>
    public int ActionsDue { get; private set; }
    public int CasesOverdue { get; private set; }

    public Team? Team(int id) => council.Team(id);

    public void OnGet()
    {
        Today = clock.Today;
        Scope = access.ScopeFor(User);
        ChildScope = children.ScopeFor(User);
        var asAt = council.AsAt(Today);
        var records = council.Snapshot.Workforce;
        var sessions = new List<SessionDue>();
        var cases = new List<CaseSupervisionStatus>();
        var actions = new List<ListedAction>();
        foreach (var worker in access.Workers(User).Where(w => w.IsInPostOn(Today) && SupervisionSchedule.IsMeasured(w, asAt.Standards)))
        {
            if (SupervisionClock.Current(worker, records, council.Calendar, asAt.Standards, Until) is { } current)
            {
                sessions.Add(new SessionDue(worker, current.Due.Date, current.Due.PausedWorkingDays));
            }

            foreach (var status in CaseSupervision.Of(worker, records, asAt))
            {
                if (status.Due >= Today && status.Due <= Until)
                {
                    cases.Add(status);
                }
                else if (status.Due < Today)
                {
                    CasesOverdue++;
                }
            }
        }

        Overdue = sessions.Where(s => s.Due < Today).OrderBy(s => s.Due).ThenBy(s => s.Worker.Name, StringComparer.OrdinalIgnoreCase).ToList();
        ThisWeek = sessions.Where(s => s.Due >= Today).OrderBy(s => s.Due).ThenBy(s => s.Worker.Name, StringComparer.OrdinalIgnoreCase).ToList();
        // Every worker in post, as the supervision-action-overdue rule judges them, managers included.
        foreach (var worker in access.Workers(User).Where(w => w.IsInPostOn(Today)))
        {
            actions.AddRange(ListedAction.Of(worker, records.SupervisionOf(worker).Actions.Where(a => a.Action.DueDate <= Until && SupervisionActionOverdue.IsOpenOn(a.Session, a.Action, Today)),
                asAt, council, Scope, ChildScope));
        }

        ActionsDue = actions.Count;
        Actions = actions.OrderByDescending(a => a.DaysOverdue).ThenBy(a => a.Action.DueDate).ThenBy(a => a.Worker.Name, StringComparer.OrdinalIgnoreCase)
            .Take(ActionsShown).ToList();
        Cases = cases.OrderBy(c => c.Due).ThenBy(c => c.Child.LAChildId, StringComparer.Ordinal).ToList();
    }
}
