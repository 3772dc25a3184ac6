using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>Single sign-on end to end, in Chromium with real redirects, against a real OpenID Connect provider
/// (<see cref="TestIdentityProvider"/>): the provider proves who someone is, the Sightline account of that user name
/// decides what they see; no account, a disabled account or an answer that fails its checks signs no one in.</summary>
[Collection("web")]
public sealed class SingleSignOnTests(CouncilServer server, Chromium chromium)
{
    private static readonly ProviderPerson TeamManager = new("0b6f1c2e-team-manager", "team.manager", "pat.example@council.example", "Pat Example");
    private static readonly ProviderPerson Stranger = new("7d3a9e40-stranger", "sam.stranger", "sam.stranger@council.example", "Sam Stranger");

    [BrowserFact]
    public async Task ATeamManagerSignsInThroughTheProviderAndSeesExactlyTheirTeamsChildren()
    {
        var site = await server.SingleSignOnAsync();
        site.Provider.Reset(TeamManager);
        var issued = site.Provider.TokensIssued;
        var team = server.Accounts["team.manager"].Teams.Single();
        var children = server.ChildrenAllocatedToTeam(team);
        var alerts = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is { } child && children.Contains(child)).ToList();
        alerts.Should().NotBeEmpty();

        await using var browser = await chromium.NewPageAsync(site.BaseAddress);
        var page = browser.Page;
        await SignInWithProviderAsync(page);
        await ArrivedAsync(page, url => url.EndsWith("/my-work", StringComparison.Ordinal));

        (await page.Locator("#results").InnerTextAsync()).Should().Be($"{alerts.Count:N0} alerts");
        var export = await page.APIRequest.GetAsync("/my-work/csv");
        export.Status.Should().Be(200);
        var rows = Csv.Rows(await export.BodyAsync());
        rows.Skip(1).Select(r => r[3]).ToHashSet().Should().BeEquivalentTo(
            alerts.Select(a => server.Council.Child(a.ChildId!.Value)!.LAChildId).ToHashSet(), "the team's children with alerts, and no one else's");

        site.Provider.TokensIssued.Should().Be(issued + 1, "the code was exchanged once, with its PKCE verifier");
        site.Provider.Refusals.Should().BeEmpty("Sightline sent everything the provider checks");
        var cookies = (await page.Context.CookiesAsync()).Select(c => c.Name).ToList();
        cookies.Should().Contain("sightline.session").And.NotContain("sightline.external", "the provider's identity is dropped once the account is signed in");

        // Recorded as a password sign-in is: the account's ID in the server log, never its name or the provider's claims.
        var userId = AccountId("team.manager");
        await using (var other = await chromium.NewPageAsync(site.BaseAddress))
        {
            await other.SignInAsync("performance");
        }

        var log = string.Join("\n", site.Log.Messages);
        log.Should().Contain($"User {userId} signed in with single sign-on").And.Contain($"User {AccountId("performance")} signed in with a password");
        log.Should().NotContain("team.manager").And.NotContain(TeamManager.Email).And.NotContain(TeamManager.Name).And.NotContain(TeamManager.Subject);
        browser.Errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task SomeoneWithNoAccountIsRefusedAndNoAccountIsMade()
    {
        var site = await server.SingleSignOnAsync();
        site.Provider.Reset(Stranger);
        var accounts = AccountNames();

        await using var browser = await chromium.NewPageAsync(site.BaseAddress);
        var page = browser.Page;
        await SignInWithProviderAsync(page);
        await ArrivedAsync(page, url => url.Contains("/sign-in/sso", StringComparison.Ordinal));

        (await page.Locator("h1").InnerTextAsync()).Should().Be("You could not be signed in");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("You do not have a Sightline account, or it is disabled");
        await ShouldHaveNoSessionAsync(browser);
        AccountNames().Should().Equal(accounts, "signing in through the provider never makes an account");
        var log = string.Join("\n", site.Log.Messages);
        log.Should().Contain("Single sign-on refused: no enabled Sightline account");
        log.Should().NotContain(Stranger.UserName).And.NotContain(Stranger.Email).And.NotContain(Stranger.Name).And.NotContain(Stranger.Subject);
    }

    [BrowserFact]
    public async Task ADisabledAccountIsRefused()
    {
        var site = await server.SingleSignOnAsync();
        using (var accounts = new Accounts(server.Database))
        {
            await accounts.AddAsync("leaving.manager", "service-manager", null, [], "leaving.manager@council.example", null);
        }

        var leaver = new ProviderPerson("5c1d-leaving-manager", "leaving.manager", "leaving.manager@council.example", "Lee Leaving");
        site.Provider.Reset(leaver);
        await using (var before = await chromium.NewPageAsync(site.BaseAddress))
        {
            await SignInWithProviderAsync(before.Page);
            await ArrivedAsync(before.Page, url => url.EndsWith("/my-work", StringComparison.Ordinal));
        }

        using (var accounts = new Accounts(server.Database))
        {
            await accounts.DisableAsync("leaving.manager");
        }

        await using var browser = await chromium.NewPageAsync(site.BaseAddress);
        await SignInWithProviderAsync(browser.Page);
        await ArrivedAsync(browser.Page, url => url.Contains("/sign-in/sso", StringComparison.Ordinal));
        (await browser.Page.Locator("main").InnerTextAsync()).Should().Contain("You do not have a Sightline account, or it is disabled");
        await ShouldHaveNoSessionAsync(browser);
        string.Join("\n", site.Log.Messages).Should().NotContain("leaving.manager").And.NotContain(leaver.Name);
    }

    [BrowserTheory]
    [InlineData(Misbehaviour.WrongState, false)]
    [InlineData(Misbehaviour.WrongNonce, true)]
    [InlineData(Misbehaviour.OtherKey, true)]
    [InlineData(Misbehaviour.WrongAudience, true)]
    [InlineData(Misbehaviour.WrongIssuer, true)]
    [InlineData(Misbehaviour.AccessDenied, false)]
    public async Task AnAnswerThatFailsItsChecksSignsNoOneIn(Misbehaviour misbehaviour, bool tokenIssued)
    {
        var site = await server.SingleSignOnAsync();
        site.Provider.Reset(TeamManager);
        site.Provider.Misbehaviour = misbehaviour;
        var issued = site.Provider.TokensIssued;
        var logged = site.Log.Messages.Count;
        try
        {
            await using var browser = await chromium.NewPageAsync(site.BaseAddress);
            var page = browser.Page;
            await SignInWithProviderAsync(page);
            await ArrivedAsync(page, url => url.Contains("/sign-in/sso?failed=true", StringComparison.Ordinal));

            (await page.Locator("main").InnerTextAsync()).Should().Contain("answered in a way Sightline could not check");
            site.Provider.TokensIssued.Should().Be(issued + (tokenIssued ? 1 : 0),
                tokenIssued ? "the token was issued and refused by Sightline" : "no code was redeemed");
            await ShouldHaveNoSessionAsync(browser);
            var log = string.Join("\n", site.Log.Messages.Skip(logged));
            log.Should().Contain("Single sign-on refused: the provider's answer failed its checks").And.NotContain("signed in with single sign-on");
            log.Should().NotContain("team.manager").And.NotContain(TeamManager.Email).And.NotContain(TeamManager.Name);
        }
        finally
        {
            site.Provider.Reset(null);
        }
    }

    [BrowserFact]
    public async Task TheKeyboardReachesSingleSignOnAndTheRefusalPageIsAccessible()
    {
        var site = await server.SingleSignOnAsync();
        site.Provider.Reset(Stranger);
        await using var browser = await chromium.NewPageAsync(site.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/sign-in");

        var name = $"Sign in with {SingleSignOnSite.DisplayName}";
        var reached = false;
        for (var press = 0; press < 12 && !reached; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()") == name;
        }

        reached.Should().BeTrue("the single sign-on button is in the tab order");
        await page.Keyboard.PressAsync("Enter");
        await ArrivedAsync(page, url => url.Contains("/sign-in/sso", StringComparison.Ordinal));
        (await page.Locator("h1").InnerTextAsync()).Should().Be("You could not be signed in");
        await browser.ShouldBeCleanAsync();
    }

    [Fact]
    public void APlainHttpProviderIsRefusedAtStartUpUnlessItIsOnThisMachineAndAllowed()
    {
        WebApplication Build(string authority, bool allow)
        {
            var settings = SingleSignOnSite.Settings(new Uri(authority));
            settings["Oidc:AllowHttpLoopback"] = allow ? "true" : "false";
            return SightlineWeb.Build(new WebOptions(server.Database, server.DataFolder) { Urls = ["http://127.0.0.1:0"], Settings = settings });
        }

        var elsewhere = () => Build("http://login.council.example/", allow: true);
        elsewhere.Should().Throw<ArgumentException>().WithMessage("*must be an HTTPS address*");
        var notAllowed = () => Build("http://127.0.0.1:8443/", allow: false);
        notAllowed.Should().Throw<ArgumentException>().WithMessage("*Oidc:AllowHttpLoopback*");
        var lookalike = () => Build("http://127.0.0.1.council.example/", allow: true);
        lookalike.Should().Throw<ArgumentException>();

        using var loopback = Build("http://localhost:8443/", allow: true);
        using var secure = Build("https://login.council.example/tenant/v2.0", allow: false);
    }

    /// <summary>From the sign-in page through the provider: the button, then the redirects.</summary>
    private static async Task SignInWithProviderAsync(IPage page)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {SingleSignOnSite.DisplayName}" }).ClickAsync();
    }

    /// <summary>Waits for the redirects to end at a page. The first sign-in of a run also fetches the provider's
    /// metadata and keys and compiles the handler's code, which on a busy machine can take longer than Playwright's
    /// usual 30 seconds.</summary>
    private static Task ArrivedAsync(IPage page, Func<string, bool> address) =>
        page.WaitForURLAsync(address, new() { Timeout = 90_000 });

    /// <summary>No session cookie, and a page that needs one sends the browser to sign in.</summary>
    private static async Task ShouldHaveNoSessionAsync(BrowserPage browser)
    {
        (await browser.Page.Context.CookiesAsync()).Select(c => c.Name).Should().NotContain(["sightline.session", "sightline.external"]);
        await browser.Page.GotoAsync("/my-work");
        browser.Page.Url.Should().Contain("/sign-in?ReturnUrl=");
    }

    private string AccountId(string userName)
    {
        using var db = server.Database.Open();
        return db.Users.Single(u => u.UserName == userName).Id;
    }

    private List<string> AccountNames()
    {
        using var db = server.Database.Open();
        return db.Users.Select(u => u.UserName!).OrderBy(n => n).ToList();
    }
}
