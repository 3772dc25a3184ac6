using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sightline.Storage;

namespace Sightline.Web.Access;

/// <summary>Which children one user may see, today: decided once per request by <see cref="ChildAccess"/>.</summary>
public sealed class AccessScope
{
    private readonly HashSet<int> _children;
    private readonly HashSet<int> _teams;
    private readonly HashSet<int> _workers;
    private readonly HashSet<int> _managed;

    public AccessScope(bool everyChild, IEnumerable<int> children, IEnumerable<int> teams, IEnumerable<int> workers, string basis, IEnumerable<int>? managedTeams = null)
    {
        _managed = [.. managedTeams ?? []];
        EveryChild = everyChild;
        _children = [.. children];
        _teams = [.. teams];
        _workers = [.. workers];
        Basis = basis;
    }

    /// <summary>Nothing: a user with no role that sees children, or a social worker linked to no worker.</summary>
    public static AccessScope Nothing(string basis) => new(false, [], [], [], basis);

    /// <summary>True for the roles that see every child (<see cref="Roles.EveryChild"/>).</summary>
    public bool EveryChild { get; }

    /// <summary>The children seen when not <see cref="EveryChild"/>.</summary>
    public IReadOnlyCollection<int> Children => _children;

    /// <summary>Why the user sees what they see, in a sentence shown on My work.</summary>
    public string Basis { get; }

    public bool MaySee(int childId) => EveryChild || _children.Contains(childId);

    /// <summary>Whether a list may be narrowed to this team: any team for those who see every child; otherwise
    /// the teams the user manages or belongs to.</summary>
    public bool MayFilterByTeam(int teamId) => EveryChild || _teams.Contains(teamId);

    /// <summary>Whether a list may be narrowed to this worker: any worker for those who see every child; a social
    /// worker only themselves; a team manager the workers of their teams.</summary>
    public bool MayFilterByWorker(int workerId) => EveryChild || _workers.Contains(workerId);

    /// <summary>The teams a team manager manages (empty for every other role).</summary>
    public IReadOnlyCollection<int> ManagedTeams => _managed;

    /// <summary>Whether the user may open a team's page (its children, alerts and caseloads): any team for those who
    /// see every child; a team manager the teams they manage; nobody else (a social worker's own team included).</summary>
    public bool MaySeeTeam(int teamId) => EveryChild || _managed.Contains(teamId);

    /// <summary>Whether the user may open a worker's page: any worker for those who see every child; a social worker
    /// only themselves; a team manager the workers of their teams and themselves.</summary>
    public bool MaySeeWorker(int workerId) => MayFilterByWorker(workerId);
}

/// <summary>The one place that decides which children a signed-in user may see. Every page, list, export and
/// handler that shows a child asks it; none decides for itself.
/// <list type="bullet">
/// <item>A social worker sees the children allocated to them today (an open allocation to the worker their account
/// is linked to).</item>
/// <item>A team manager sees the children allocated today to the teams their account is linked to, and any allocated
/// to them as a worker.</item>
/// <item>A service manager, quality assurance, performance officer and senior leader see every child
/// (<see cref="Roles.EveryChild"/>), because their work spans the service.</item>
/// <item>An administrator sees no child: managing accounts and reading the access log needs none.</item>
/// </list>
/// A user with several roles sees what any of them allows. Access follows today's allocations, whatever date a page
/// judges alerts as at: a worker who has handed a case on no longer sees it.</summary>
public sealed class ChildAccess(CouncilData council, SightlineClock clock, SightlineDbContext db)
{
    private AccessScope? _scope;

    /// <summary>The user's scope, worked out once per request.</summary>
    public AccessScope ScopeFor(ClaimsPrincipal user) => _scope ??= Decide(user);

    private AccessScope Decide(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return AccessScope.Nothing("You are not signed in.");
        }

        if (Roles.EveryChild.Any(user.IsInRole))
        {
            return new AccessScope(true, [], [], [], "Your role sees every child.");
        }

        var manages = user.IsInRole(Roles.TeamManager);
        if (!manages && !user.IsInRole(Roles.SocialWorker))
        {
            return AccessScope.Nothing("Your role does not open children's records.");
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = db.Users.AsNoTracking().Include(u => u.Teams).FirstOrDefault(u => u.Id == id);
        if (account is null)
        {
            return AccessScope.Nothing("Your account was not found.");
        }

        var today = clock.Today;
        var allocations = council.AllocationsOn(today);
        var worker = account.WorkerStaffId is { } staffId ? council.WorkerByStaffId(staffId) : null;
        var children = new List<int>();
        var teams = new HashSet<int>();
        var workers = new HashSet<int>();
        var managedTeams = new HashSet<int>();
        if (worker is not null)
        {
            children.AddRange(allocations.OfWorker(worker.Id));
            teams.Add(worker.TeamId);
            workers.Add(worker.Id);
        }

        if (manages)
        {
            var managed = account.Teams.Select(t => t.TeamId).ToHashSet();
            foreach (var team in managed)
            {
                children.AddRange(allocations.OfTeam(team));
                teams.Add(team);
                managedTeams.Add(team);
            }

            workers.UnionWith(council.Snapshot.Workers.Where(w => managed.Contains(w.TeamId)).Select(w => w.Id));
        }

        var basis = (manages, worker) switch
        {
            (true, _) => $"You see the children allocated today ({today:d MMMM yyyy}) to the teams you manage{(worker is null ? "" : " and to you")}.",
            (false, not null) => $"You see the children allocated to you today ({today:d MMMM yyyy}).",
            _ => "Your account is not linked to a worker, so no children are allocated to you. Ask an administrator to link it.",
        };
        return new AccessScope(false, children, teams, workers, basis, managedTeams);
    }
}
