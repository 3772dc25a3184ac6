using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Oversight;

namespace Sightline.Web.Tests;

/// <summary>The Rules, Data and Settings pages in Debian's chromium (headless), each checked with axe-core.</summary>
[Collection("web-changes")]
public sealed class PagesBrowserTests(ChangingCouncil council) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task TheRulesPageListsTheCatalogueAndIsAccessible()
    {
        var page = await SignedInAsync("social.worker");
        await page.GotoAsync("/rules");
        (await page.Locator("h3[id^=rule-]").CountAsync()).Should().Be(RuleCatalogue.ChildRules.Count);
        (await page.Locator("h3[id^=indicator-]").CountAsync()).Should().Be(IndicatorCatalogue.All.Count);
        await ShouldPassAxeAsync(page);
    }

    [Fact]
    public async Task TheSettingsPageShowsAValidationErrorAndIsAccessible()
    {
        var page = await SignedInAsync("administrator");
        await page.GotoAsync("/settings");
        await page.FillAsync("#from-day", "31");
        await page.FillAsync("#from-month", "2");
        await page.FillAsync("#from-year", "2027");
        await page.Locator("main form button.govuk-button").ClickAsync();
        await page.WaitForLoadStateAsync();
        (await page.ContentAsync()).Should().Contain("govuk-error-summary", await page.InnerTextAsync("main"));
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).Should().Contain("Enter the date the version applies from as a real date");
        await ShouldPassAxeAsync(page);
    }

    [Fact]
    public async Task TheDataPageIsAccessible()
    {
        var page = await SignedInAsync("performance");
        await page.GotoAsync("/data");
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Data");
        await ShouldPassAxeAsync(page);
    }

    private async Task<IPage> SignedInAsync(string account)
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = council.Server.BaseAddress.ToString(), BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#user-name", account);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(BrowserPage.AnywhereButSignIn);
        return page;
    }

    /// <summary>Runs axe-core (from the repository's node_modules) on the page and fails on any violation.</summary>
    private static async Task ShouldPassAxeAsync(IPage page)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "package.json")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        await page.AddScriptTagAsync(new() { Path = Path.Combine(root, "node_modules", "axe-core", "axe.min.js") });
        var violations = await page.EvaluateAsync<JsonElement>("async () => (await axe.run()).violations.map(v => v.id + ': ' + v.help)");
        violations.EnumerateArray().Select(v => v.GetString()).Should().BeEmpty();
    }
}
