using Microsoft.EntityFrameworkCore;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web;

/// <summary>One demonstration account: its name, role and who it stands for.</summary>
internal sealed record DemoAccount(string UserName, string Role, string? WorkerStaffId, string? WorkerName, IReadOnlyList<string> Teams);

/// <summary>The demonstration accounts, one per role, linked to real workers and teams of the generated council
/// so that each role sees what it would in a council. They are made only by <c>sightline demo</c> (and the tests),
/// all with <see cref="Password"/>: a council's own accounts never have a default password.</summary>
internal static class DemoAccounts
{
    /// <summary>The password of every demonstration account.</summary>
    public const string Password = "demonstration";

    /// <summary>Adds the accounts that are missing, choosing as at <paramref name="today"/>: the social worker
    /// holding the most cases, their team manager and team, and a service manager, principal social worker and
    /// head of service for the other roles where the council has them.</summary>
    public static async Task<IReadOnlyList<DemoAccount>> EnsureAsync(SightlineDatabase database, DateOnly today)
    {
        List<Worker> workers;
        List<Allocation> open;
        Dictionary<int, string> teams;
        using (var db = database.Open())
        {
            workers = await db.Workers.AsNoTracking().ToListAsync();
            open = await db.Allocations.AsNoTracking().Where(a => a.StartDate <= today && (a.EndDate == null || a.EndDate >= today) && a.WorkerId != null).ToListAsync();
            teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        }

        var inPost = workers.Where(w => w.IsInPostOn(today)).OrderBy(w => w.StaffId, StringComparer.Ordinal).ToList();
        var caseload = open.GroupBy(a => a.WorkerId!.Value).ToDictionary(g => g.Key, g => g.Select(a => a.ChildId).Distinct().Count());
        var socialWorker = inPost.Where(w => w.HoldsCases).OrderByDescending(w => caseload.GetValueOrDefault(w.Id)).FirstOrDefault();
        var team = socialWorker?.TeamId;
        var manager = inPost.FirstOrDefault(w => w.Role == WorkerRole.TeamManager && w.TeamId == team);
        Worker? First(WorkerRole role) => inPost.FirstOrDefault(w => w.Role == role);

        var wanted = new List<DemoAccount>
        {
            Account("social.worker", Roles.SocialWorker, socialWorker, []),
            Account("team.manager", Roles.TeamManager, manager, team is { } t ? [teams[t]] : []),
            Account("service.manager", Roles.ServiceManager, First(WorkerRole.ServiceManager), []),
            Account("quality.assurance", Roles.QualityAssurance, First(WorkerRole.PrincipalSocialWorker), []),
            Account("performance", Roles.Performance, null, []),
            Account("senior.leader", Roles.SeniorLeader, First(WorkerRole.HeadOfService), []),
            Account("administrator", Roles.Administrator, null, []),
        };

        using var accounts = new Accounts(database);
        var possible = wanted.Where(a => a.Role switch
        {
            Roles.SocialWorker => a.WorkerStaffId is not null,
            Roles.TeamManager => a.Teams.Count > 0,
            _ => true,
        }).ToList();
        foreach (var account in possible)
        {
            if (!await accounts.ExistsAsync(account.UserName))
            {
                await accounts.AddAsync(account.UserName, account.Role, account.WorkerStaffId, account.Teams, email: null, Password);
            }
        }

        return possible;
    }

    private static DemoAccount Account(string userName, string role, Worker? worker, IReadOnlyList<string> teams) =>
        new(userName, role, worker?.StaffId, worker?.Name, teams);
}
