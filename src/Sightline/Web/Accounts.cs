using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sightline.Storage;
using Sightline.Web.Access;

namespace Sightline.Web;

/// <summary>How accounts are kept: the password and lockout rules, shared by the web server and
/// <c>sightline users</c>.</summary>
internal static class AccountRules
{
    /// <summary>Twelve characters at least, of any kind (length, not character classes, makes a password hard to
    /// guess); five wrong passwords lock the account for fifteen minutes.</summary>
    public static void Apply(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 4;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
    }

    /// <summary>A new random password: five groups of four letters and digits (about 100 bits), read aloud easily.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var groups = Enumerable.Range(0, 5).Select(_ => new string(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }
}

/// <summary>One account as <c>sightline users list</c> shows it.</summary>
internal sealed record AccountSummary(string UserName, IReadOnlyList<string> Roles, string? WorkerStaffId, IReadOnlyList<string> Teams, bool Disabled);

/// <summary>Adds, resets, disables and lists accounts in a council's database, outside the web server (the
/// <c>sightline users</c> commands and <c>sightline demo</c>). Every failure is an <see cref="InvalidOperationException"/>
/// or <see cref="ArgumentException"/> with a sentence the administrator can act on.</summary>
internal sealed class Accounts : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IServiceScope _scope;

    public Accounts(SightlineDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped<SightlineDbContext>(_ => database.Open());
        services.AddIdentityCore<SightlineUser>(AccountRules.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SightlineDbContext>();
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        Db = _scope.ServiceProvider.GetRequiredService<SightlineDbContext>();
        Users = _scope.ServiceProvider.GetRequiredService<UserManager<SightlineUser>>();
        RoleManager = _scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
    }

    private SightlineDbContext Db { get; }
    private UserManager<SightlineUser> Users { get; }
    private RoleManager<IdentityRole> RoleManager { get; }

    /// <summary>Adds an account with one role, linked to a worker by staff ID and to teams by name.</summary>
    /// <returns>The password: the one given, or a new random one when none was.</returns>
    public async Task<string> AddAsync(string userName, string role, string? staffId, IReadOnlyCollection<string> teamNames, string? email, string? password)
    {
        var info = Roles.Find(role) ?? throw new ArgumentException($"There is no role '{role}'. The roles are: {string.Join(", ", Roles.All.Select(r => r.Name))}.");
        if (await Users.FindByNameAsync(userName) is not null)
        {
            throw new InvalidOperationException($"There is already an account called '{userName}'. Use `sightline users reset` to give it a new password.");
        }

        if (staffId is not null && !await Db.Workers.AnyAsync(w => w.StaffId == staffId))
        {
            throw new ArgumentException($"No worker has the staff ID '{staffId}'. Load the workers extract first, or check the ID.");
        }

        var teams = new List<int>();
        foreach (var name in teamNames)
        {
            var team = await Db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name)
                       ?? throw new ArgumentException($"There is no team called '{name}'.");
            teams.Add(team.Id);
        }

        if (info.Name == Roles.TeamManager && teams.Count == 0)
        {
            throw new ArgumentException("A team manager sees the children of the teams they manage: give at least one --team.");
        }

        if (info.Name == Roles.SocialWorker && staffId is null)
        {
            throw new ArgumentException("A social worker sees the children allocated to them: give their --worker staff ID.");
        }

        password ??= AccountRules.NewPassword();
        var user = new SightlineUser
        {
            UserName = userName,
            Email = email,
            WorkerStaffId = staffId,
        };
        user.Teams.AddRange(teams.Select(t => new UserTeam { UserId = user.Id, TeamId = t }));

        Check(await Users.CreateAsync(user, password), $"add '{userName}'");
        await EnsureRoleAsync(info.Name);
        Check(await Users.AddToRoleAsync(user, info.Name), $"give '{userName}' the role");
        return password;
    }

    /// <summary>Gives an account a new password, and enables it if it was disabled or locked out.</summary>
    /// <returns>The password: the one given, or a new random one.</returns>
    public async Task<string> ResetAsync(string userName, string? password)
    {
        var user = await FindAsync(userName);
        password ??= AccountRules.NewPassword();
        var validation = await Users.PasswordValidators[0].ValidateAsync(Users, user, password);
        Check(validation, "set that password");
        Check(await Users.RemovePasswordAsync(user), $"reset '{userName}'");
        Check(await Users.AddPasswordAsync(user, password), $"reset '{userName}'");
        Check(await Users.SetLockoutEndDateAsync(user, null), $"enable '{userName}'");
        await Users.ResetAccessFailedCountAsync(user);
        Check(await Users.UpdateSecurityStampAsync(user), $"reset '{userName}'");
        return password;
    }

    /// <summary>Stops an account signing in, and ends its open sessions at their next request.</summary>
    public async Task DisableAsync(string userName)
    {
        var user = await FindAsync(userName);
        Check(await Users.SetLockoutEnabledAsync(user, true), $"disable '{userName}'");
        Check(await Users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue), $"disable '{userName}'");
        Check(await Users.UpdateSecurityStampAsync(user), $"disable '{userName}'");
    }

    public async Task<IReadOnlyList<AccountSummary>> ListAsync()
    {
        var teams = await Db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name);
        var summaries = new List<AccountSummary>();
        foreach (var user in await Db.Users.AsNoTracking().Include(u => u.Teams).OrderBy(u => u.UserName).ToListAsync())
        {
            summaries.Add(new AccountSummary(user.UserName!, [.. await Users.GetRolesAsync(user)], user.WorkerStaffId,
                user.Teams.Select(t => teams.GetValueOrDefault(t.TeamId, $"team {t.TeamId}")).ToList(),
                user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow.AddYears(100)));
        }

        return summaries;
    }

    /// <summary>Whether an account of that name exists.</summary>
    public async Task<bool> ExistsAsync(string userName) => await Users.FindByNameAsync(userName) is not null;

    public void Dispose()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    private async Task<SightlineUser> FindAsync(string userName) =>
        await Users.FindByNameAsync(userName) ?? throw new ArgumentException($"There is no account called '{userName}'.");

    private async Task EnsureRoleAsync(string role)
    {
        if (!await RoleManager.RoleExistsAsync(role))
        {
            Check(await RoleManager.CreateAsync(new IdentityRole(role)), $"create the role {role}");
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>Checks on every request that the account's security stamp is the one its session was signed in with, as
/// Identity's own validator does, so that disabling an account or resetting its password ends its sessions at their
/// next request. Unlike Identity's, it keeps the session's principal when the stamp matches rather than reading the
/// account's roles and claims again and re-issuing the cookie each time: an account's roles are given only when it is
/// added, and every change to an existing account (<see cref="Accounts.DisableAsync"/>, <see cref="Accounts.ResetAsync"/>)
/// changes its stamp. The teams a manager manages are read from the database on each request by
/// <see cref="ChildAccess"/>, not from the session.</summary>
internal sealed class SecurityStampCheck(IOptions<SecurityStampValidatorOptions> options, SignInManager<SightlineUser> signInManager, ILoggerFactory logger)
    : SecurityStampValidator<SightlineUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(SightlineUser user, CookieValidatePrincipalContext context) => Task.CompletedTask;
}
