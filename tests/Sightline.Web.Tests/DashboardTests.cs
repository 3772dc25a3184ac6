using System.Net;
using Microsoft.Playwright;
using Sightline.Cli.Commands;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>The dashboard: its indicators are exactly what <c>sightline indicators</c> computes from the same
/// snapshot, its alert counts the engine's, each chart is drawn from its table under the content security policy,
/// and the social worker is refused it.</summary>
[Collection("web")]
public sealed class DashboardTests(CouncilServer server, Chromium chromium)
{
    [BrowserFact]
    public async Task TheDashboardShowsTheIndicatorsCommandsFiguresAndTheEnginesAlertCountsWithAChartBesideEachTable()
    {
        var year = Period.YearTo(CouncilServer.Today);
        var expected = IndicatorsCommand.Compute(server.Council.Snapshot, server.Council.Calendar, [year]);
        var alerts = server.Council.Alerts(CouncilServer.Today).Alerts;

        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("senior.leader");
        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Dashboard");
        foreach (var value in expected)
        {
            var cells = await page.Locator($"#indicators-table tr[data-indicator='{value.Indicator.Id}'] td").AllInnerTextsAsync();
            cells[0].Should().Be(value.Display, value.Indicator.Id);
            cells[1].Should().Be(value.Denominator is { } d ? $"{value.Numerator:N0} / {d:N0}" : value.Numerator.ToString("N0"), value.Indicator.Id);
        }

        var byRule = new Dictionary<string, int>();
        foreach (var row in await page.Locator("#alerts-by-rule tbody tr").AllAsync())
        {
            byRule[await row.Locator("th").InnerTextAsync()] = int.Parse((await row.GetAttributeAsync("data-value"))!, System.Globalization.CultureInfo.InvariantCulture);
        }

        byRule.Should().BeEquivalentTo(alerts.GroupBy(a => a.Rule.Name).ToDictionary(g => g.Key, g => g.Count()));
        (await page.Locator("#alerts-by-team tbody tr").AllAsync()).Sum(_ => 1).Should().BeGreaterThan(1);

        // Two trends by default, and the two alert tables: each has its chart drawn beside it.
        await page.Locator("[data-chart-for='alerts-by-team'] canvas").WaitForAsync();
        (await page.Locator("[data-chart-for] canvas").CountAsync()).Should().Be(4);
        var monthly = IndicatorsCommand.Compute(server.Council.Snapshot, server.Council.Calendar, year.Months().ToList(), new HashSet<string> { "re-referrals" });
        (await page.Locator("#trend-table-re-referrals tbody td:first-of-type").AllInnerTextsAsync()).Should().Equal(monthly.Select(v => v.Display));
        await browser.ShouldBeCleanAsync();

        await page.Locator("#trend-cp-per-10000").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await page.Locator("[data-chart-for='alerts-by-team'] canvas").WaitForAsync();
        (await page.Locator("[data-chart-for] canvas").CountAsync()).Should().Be(5);
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task ATeamManagerIsToldTheFiguresAreCouncilWide()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        await browser.SignInAsync("team.manager");
        await browser.Page.GotoAsync("/dashboard");
        (await browser.Page.Locator("#council-wide").InnerTextAsync()).Should().Contain("council-wide figures");
        (await browser.Page.Locator("#indicators-table tbody tr").CountAsync()).Should().Be(IndicatorCatalogue.All.Count);
        await browser.ShouldBeCleanAsync();
    }

    [Fact]
    public async Task ASocialWorkerIsRefusedTheDashboardAndTheRefusalIsLogged()
    {
        using var client = await server.SignedIn("social.worker");
        (await client.GetAsync("/dashboard")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.ViewPage && !e.Allowed && e.Record == "Page /dashboard");

        foreach (var user in new[] { "senior.leader", "performance", "service.manager", "quality.assurance", "administrator", "team.manager" })
        {
            using var allowed = await server.SignedIn(user);
            (await allowed.GetAsync("/dashboard")).StatusCode.Should().Be(HttpStatusCode.OK, user);
        }
    }
}
