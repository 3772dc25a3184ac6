using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Web.Access;

/// <summary>Whose supervision one user may see and record, decided once per request by <see cref="SupervisionAccess"/>.</summary>
public sealed class SupervisionScope(bool everyWorker, IEnumerable<int> workers, IEnumerable<int> records, int? self, string basis, string? account = null)
{
    private readonly HashSet<int> _workers = [.. workers];
    private readonly HashSet<int> _records = [.. records];

    /// <summary>True for the roles that see every worker's supervision.</summary>
    public bool EveryWorker { get; } = everyWorker;

    /// <summary>The worker the account is linked to, if any.</summary>
    public int? Self { get; } = self;

    /// <summary>Why the user sees what they see, in a sentence shown on the pages.</summary>
    public string Basis { get; } = basis;

    /// <summary>Whether the user sees anything beyond their own supervision (team and council figures, the workforce).</summary>
    public bool SeesOthers => EveryWorker || _workers.Any(w => w != Self);

    public bool MaySee(int workerId) => EveryWorker || _workers.Contains(workerId);

    /// <summary>Whether the user may record supervision, a session not held, an informal case discussion or an
    /// absence for the worker.</summary>
    public bool MayRecordFor(int workerId) => _records.Contains(workerId);

    /// <summary>Whether the user may record for anyone at all.</summary>
    public bool Records => _records.Count > 0;

    /// <summary>Whether the user may mark done the actions agreed in <paramref name="session"/>: an account that records
    /// for its worker (a manager of the worker's team, not for their own actions; an administrator), or the account
    /// that recorded the session, while it still sees the worker and is not that worker. The worker does not mark their
    /// own actions done: that the action is done is their supervisor's to confirm.</summary>
    public bool MayCompleteActionsOf(SupervisionSession session) =>
        MayRecordFor(session.WorkerId)
        || (MaySee(session.WorkerId) && session.WorkerId != Self && session.RecordedBy is not null && session.RecordedBy == account);
}

/// <summary>The one place that decides whose supervision a signed-in user may see and record. Every supervision and
/// workforce page and handler asks it; none decides for itself.
/// <list type="bullet">
/// <item>A social worker sees their own supervision record only, and records nothing.</item>
/// <item>A team manager sees the workers of the teams their account is linked to (and their own record), and records
/// for those workers, but not for themselves: their own supervisor records that.</item>
/// <item>A service manager, quality assurance, performance officer and senior leader see every worker.</item>
/// <item>An administrator sees every worker and records for any of them (to enter a service's records).</item>
/// <item>Whoever records for a worker, and the account that recorded a session, mark its actions done
/// (<see cref="SupervisionScope.MayCompleteActionsOf"/>).</item>
/// </list>
/// Which children a user may open stays with <see cref="ChildAccess"/>: these pages link to a child, or name one, only
/// where it allows.</summary>
public sealed class SupervisionAccess(CouncilData council, SightlineDbContext db)
{
    private SupervisionScope? _scope;

    public SupervisionScope ScopeFor(ClaimsPrincipal user) => _scope ??= Decide(user);

    private SupervisionScope Decide(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return new SupervisionScope(false, [], [], null, "You are not signed in.");
        }

        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = db.Users.AsNoTracking().Include(u => u.Teams).FirstOrDefault(u => u.Id == id);
        var self = account?.WorkerStaffId is { } staffId ? council.WorkerByStaffId(staffId)?.Id : null;
        var workers = council.Snapshot.Workers;
        if (user.IsInRole(Roles.Administrator))
        {
            return new SupervisionScope(true, [], workers.Select(w => w.Id), self, "You see every worker's supervision and may record it.", id);
        }

        if (Roles.EveryChild.Any(user.IsInRole))
        {
            return new SupervisionScope(true, [], [], self, "Your role sees every worker's supervision.", id);
        }

        var seen = new HashSet<int>();
        var records = new HashSet<int>();
        if (user.IsInRole(Roles.TeamManager) && account is not null)
        {
            var managed = account.Teams.Select(t => t.TeamId).ToHashSet();
            foreach (var worker in workers.Where(w => managed.Contains(w.TeamId)))
            {
                seen.Add(worker.Id);
                if (worker.Id != self)
                {
                    records.Add(worker.Id);
                }
            }
        }

        if (self is { } me && (user.IsInRole(Roles.SocialWorker) || user.IsInRole(Roles.TeamManager)))
        {
            seen.Add(me);
        }

        var basis = records.Count > 0
            ? "You see and record the supervision of the workers in the teams you manage, and see your own."
            : self is not null ? "You see your own supervision record." : "Your account is not linked to a worker, so there is no supervision record to show.";
        return new SupervisionScope(false, seen, records, self, basis, id);
    }

    /// <summary>The workers a page lists for the user: those in the scope, in post at some time, by name.</summary>
    public IReadOnlyList<Worker> Workers(ClaimsPrincipal user) =>
        council.Snapshot.Workers.Where(w => ScopeFor(user).MaySee(w.Id)).OrderBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
}
