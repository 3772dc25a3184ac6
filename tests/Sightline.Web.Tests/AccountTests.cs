using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Web;

namespace Sightline.Web.Tests;

/// <summary>Accounts as an administrator manages them: added with a role and links, reset, disabled, and what a
/// disabled account can still do (nothing).</summary>
[Collection("web")]
public sealed class AccountTests(CouncilServer server)
{
    [Fact]
    public async Task ADisabledAccountCannotSignInAndItsOpenSessionEndsAtOnce()
    {
        var staffId = server.Accounts["social.worker"].WorkerStaffId!;
        using (var accounts = new Accounts(server.Database))
        {
            await accounts.AddAsync("leaving.worker", "social-worker", staffId, [], null, "a long enough password");
        }

        using var client = await server.SignedIn("leaving.worker", "a long enough password");
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.OK);

        using (var accounts = new Accounts(server.Database))
        {
            await accounts.DisableAsync("leaving.worker");
        }

        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the session ended with the account");
        var again = await CouncilServer.SignIn(server.Client(), "leaving.worker", "a long enough password");
        again.StatusCode.Should().Be(HttpStatusCode.OK, "the sign-in form is shown again with its problem");

        using (var accounts = new Accounts(server.Database))
        {
            var password = await accounts.ResetAsync("leaving.worker", null);
            password.Should().MatchRegex("^[a-z2-9]{4}(-[a-z2-9]{4}){4}$");
            (await CouncilServer.SignIn(server.Client(), "leaving.worker", password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task FiveWrongPasswordsLockAnAccount()
    {
        using (var accounts = new Accounts(server.Database))
        {
            await accounts.AddAsync("forgetful.manager", "service-manager", null, [], null, "the right password");
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await CouncilServer.SignIn(server.Client(), "forgetful.manager", "a wrong password");
        }

        (await CouncilServer.SignIn(server.Client(), "forgetful.manager", "the right password")).StatusCode.Should().Be(HttpStatusCode.OK, "locked for 15 minutes");
    }

    [Fact]
    public async Task AccountsAreRefusedWhatTheirRoleCannotBe()
    {
        using var accounts = new Accounts(server.Database);
        var noWorker = () => accounts.AddAsync("a.worker", "social-worker", null, [], null, null);
        await noWorker.Should().ThrowAsync<ArgumentException>().WithMessage("*--worker*");
        var noTeam = () => accounts.AddAsync("a.manager", "team-manager", null, [], null, null);
        await noTeam.Should().ThrowAsync<ArgumentException>().WithMessage("*--team*");
        var badRole = () => accounts.AddAsync("a.director", "director", null, [], null, null);
        await badRole.Should().ThrowAsync<ArgumentException>().WithMessage("*social-worker*administrator*");
        var shortPassword = () => accounts.AddAsync("a.reader", "performance", null, [], null, "short");
        await shortPassword.Should().ThrowAsync<InvalidOperationException>().WithMessage("*12 characters*");
        var twice = () => accounts.AddAsync("social.worker", "performance", null, [], null, null);
        await twice.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already*");
    }

    [Fact]
    public async Task PasswordsAreStoredOnlyAsHashes()
    {
        using var db = server.Database.Open();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "social.worker");
        user.PasswordHash.Should().NotBeNullOrEmpty().And.NotContain(DemoAccounts.Password);
    }
}
