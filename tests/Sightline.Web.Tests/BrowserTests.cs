using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>The application in a real headless Chromium: signing in, each page (checked by axe-core, with nothing
/// refused by the content security policy), filtering, the CSV export, the child's record, the keyboard, and a
/// social worker refused another worker's child.</summary>
[Collection("web")]
public sealed class BrowserTests(CouncilServer server, Chromium chromium)
{
    [BrowserTheory]
    [InlineData("social.worker", "/my-work", "My work")]
    [InlineData("team.manager", "/my-work", "My work")]
    [InlineData("service.manager", "/my-work", "My work")]
    [InlineData("quality.assurance", "/my-work", "My work")]
    [InlineData("performance", "/my-work", "My work")]
    [InlineData("senior.leader", "/my-work", "My work")]
    [InlineData("administrator", "/admin/access-log", "Access log")]
    public async Task EachRoleSignsInToItsStartPage(string userName, string start, string heading)
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await page.GotoAsync("/");
        new Uri(page.Url).AbsolutePath.Should().Be("/sign-in");
        await browser.ShouldBeCleanAsync();

        await browser.SignInAsync(userName);
        new Uri(page.Url).AbsolutePath.Should().Be(start);
        (await page.Locator("h1").InnerTextAsync()).Should().Be(heading);
        (await page.Locator(".govuk-generic-header").InnerTextAsync()).Should().Contain(server.Council.CouncilName);
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task AWrongPasswordShowsTheErrorSummaryAndStaysOnSignIn()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        await browser.SignInAsyncExpectingFailure("social.worker", "not the password");
        (await browser.Page.Locator(".govuk-error-summary").InnerTextAsync()).Should().Contain("The user name or password is not right");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task EveryPageIsAccessibleAndRunsUnderTheContentSecurityPolicy()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        await browser.SignInAsync("service.manager");
        var child = server.AnotherWorkersChild();
        foreach (var address in new[] { "/my-work", "/my-work?severity=Critical", "/my-work?p=2", $"/children/{child}", $"/children/{child}?as-at=2025-06-30" })
        {
            var response = await browser.Page.GotoAsync(address);
            response!.Status.Should().Be(200, address);
            await browser.ShouldBeCleanAsync();
        }

        var missing = await browser.Page.GotoAsync("/no-such-page");
        missing!.Status.Should().Be(404);
        browser.Errors.Clear(); // the browser reports the 404 itself as a console error
        await browser.ShouldBeCleanAsync();

        await using var administrator = await chromium.NewPageAsync(server.BaseAddress);
        await administrator.SignInAsync("administrator");
        await administrator.Page.GotoAsync("/admin/access-log?outcome=refused");
        await administrator.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task MyWorkFiltersByWorkerAndSeverityWithItsForm()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        var everything = await Count(page);
        var workers = await page.Locator("#worker option").AllInnerTextsAsync();
        workers.Count.Should().BeGreaterThan(2, "the team has several workers with alerts");
        var worker = workers[1];

        await page.GetByLabel("Worker", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = worker });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await browser.ArriveAsync(new Regex(@"/my-work\?.*worker="));
        var forWorker = await Count(page);
        forWorker.Should().BeGreaterThan(0).And.BeLessThan(everything);
        (await WorkerColumn(page)).Should().OnlyContain(name => name == worker);

        await page.GetByLabel("Severity", new() { Exact = true }).SelectOptionAsync("Critical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await browser.ArriveAsync(new Regex("severity=Critical"));
        (await Count(page)).Should().BeLessThanOrEqualTo(forWorker);
        (await page.Locator("tbody .govuk-tag").AllInnerTextsAsync()).Should().OnlyContain(tag => tag == "Critical");
        (await page.GetByLabel("Worker", new() { Exact = true }).InputValueAsync()).Should().NotBeEmpty("the form keeps the filters it was sent with");

        await page.GetByRole(AriaRole.Link, new() { Name = "Clear filters" }).ClickAsync();
        (await Count(page)).Should().Be(everything);
    }

    [BrowserFact]
    public async Task TheFilterFormWorksWithoutJavaScript()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress, javaScript: false);
        var page = browser.Page;
        await browser.SignInAsync("service.manager");
        var rule = "cp-visit-overdue";
        await page.GetByLabel("Rule", new() { Exact = true }).SelectOptionAsync(rule);
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await browser.ArriveAsync(new Regex($"kind={rule}"));
        var expected = server.Council.Alerts(CouncilServer.Today).Alerts.Count(a => a.Rule.Id == rule);
        (await Count(page)).Should().Be(expected);
        (await page.Locator("tbody tr td:nth-child(3)").AllInnerTextsAsync()).Should().OnlyContain(name => name == "Child protection visit overdue");
        browser.Errors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task TheCsvExportHoldsTheFilteredListAndIsLogged()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("service.manager");
        await page.GotoAsync("/my-work?severity=High");
        var shown = await Count(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new("Download these") }).ClickAsync());
        download.SuggestedFilename.Should().Be("my-work-2026-10-31.csv");
        var path = await download.PathAsync();
        var rows = Csv.Rows(await File.ReadAllBytesAsync(path));
        rows.Should().HaveCount(shown + 1);
        rows.Skip(1).Should().OnlyContain(r => r[2] == "High");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "service.manager" && e.Action == AccessAction.Export && e.Allowed && e.Detail!.Contains($"{shown} rows"));
    }

    [BrowserFact]
    public async Task AChildsRecordShowsTheJourneyInDateOrderTheAllocationsAndEachAlertExplained()
    {
        var staffId = server.Accounts["social.worker"].WorkerStaffId!;
        var alerted = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is not null).GroupBy(a => a.ChildId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var child = server.ChildrenAllocatedToWorker(staffId).Where(alerted.ContainsKey).Min();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("social.worker");
        await page.GetByRole(AriaRole.Link, new() { Name = server.Council.Child(child)!.LAChildId, Exact = true }).First.ClickAsync();
        new Uri(page.Url).AbsolutePath.Should().Be($"/children/{child}");
        (await page.Locator("h1").InnerTextAsync()).Should().Be(server.Council.Child(child)!.LAChildId);

        var dates = (await page.Locator(".sightline-timeline__date").AllInnerTextsAsync())
            .Select(d => DateOnly.ParseExact(d.Split(" · ")[0], "d MMM yyyy", CultureInfo.InvariantCulture)).ToList();
        dates.Should().NotBeEmpty().And.BeInAscendingOrder().And.OnlyContain(d => d <= CouncilServer.Today);
        (await page.Locator(".sightline-timeline__what").AllInnerTextsAsync()).Should().Contain("Referral").And.Contain("Contact", "the contacts are read for the child's record");

        (await page.Locator(".govuk-summary-card").CountAsync()).Should().Be(alerted[child]);
        var card = await page.Locator(".govuk-summary-card").First.InnerTextAsync();
        card.Should().Contain("Why").And.Contain("Clears when").And.Contain("Source");

        var allocations = server.Council.Child(child)!.Allocations.Count;
        (await page.Locator("table[aria-labelledby=allocations] tbody tr").CountAsync()).Should().Be(allocations);
        (await page.Locator("table[aria-labelledby=allocations] tbody tr").First.InnerTextAsync()).Should().Contain("Continuing");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.ChildId == child && e.Allowed && e.UserName == "social.worker");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task TheKeyboardReachesTheSkipLinkFirstThenTheFiltersInOrder()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GotoAsync("/my-work");

        await page.Keyboard.PressAsync("Tab");
        (await Focused(page)).Should().Be("A:Skip to main content");
        (await page.Locator(".govuk-skip-link").BoundingBoxAsync())!.Height.Should().BeGreaterThan(0, "the skip link shows when focused");
        await page.Keyboard.PressAsync("Enter");
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("main-content");

        // A date field is one control with a stop for each of its day, month and year, so repeats are run together.
        var reached = new List<string>();
        for (var press = 0; press < 16 && !reached.Contains("BUTTON:Apply filters"); press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await Focused(page);
            if (reached.Count == 0 || reached[^1] != focused)
            {
                reached.Add(focused);
            }
        }

        reached.Should().ContainInConsecutiveOrder("INPUT:as-at", "SELECT:team", "SELECT:worker", "SELECT:kind", "SELECT:severity", "BUTTON:Apply filters");
        await page.Keyboard.PressAsync("Shift+Tab");
        (await Focused(page)).Should().Be("SELECT:severity");
    }

    [BrowserFact]
    public async Task ASocialWorkerOpeningAnotherWorkersChildByAddressIsRefusedAndTheAttemptLogged()
    {
        var other = server.AnotherWorkersChild();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("social.worker");
        var response = await page.GotoAsync($"/children/{other}");
        response!.Status.Should().Be(404);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Page not found");
        (await page.ContentAsync()).Should().NotContain(server.Council.Child(other)!.LAChildId);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "social.worker" && e.ChildId == other && !e.Allowed);
        (await page.Locator($"a[href='/children/{other}']").CountAsync()).Should().Be(0);
    }

    [BrowserFact]
    public async Task ASocialWorkerExportingAnotherWorkersChildrenByQueryStringIsRefusedAndTheAttemptLogged()
    {
        var other = server.AnotherWorker();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("social.worker");
        var response = await page.GotoAsync($"/my-work/csv?worker={other.Id}&severity=Critical");
        response!.Status.Should().Be(403);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("You cannot see this page");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "social.worker" && e.Action == AccessAction.Export && !e.Allowed
                                                                     && e.Detail!.Contains($"worker {other.Id}"));
    }

    [BrowserFact]
    public async Task TheAdministratorReadsTheAccessLogNarrowedToRefusals()
    {
        await using (var worker = await chromium.NewPageAsync(server.BaseAddress))
        {
            await worker.SignInAsync("social.worker");
            await worker.Page.GotoAsync($"/children/{server.AnotherWorkersChild()}");
        }

        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("administrator");
        await page.GetByLabel("Outcome", new() { Exact = true }).SelectOptionAsync("refused");
        await page.GetByLabel("User name", new() { Exact = true }).FillAsync("social.worker");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await browser.ArriveAsync(new Regex("outcome=refused"));
        var outcomes = await page.Locator("tbody .govuk-tag").AllInnerTextsAsync();
        outcomes.Should().NotBeEmpty().And.OnlyContain(o => o == "Refused");
        (await page.Locator("tbody tr").First.InnerTextAsync()).Should().Contain("social.worker").And.Contain($"Child {server.AnotherWorkersChild()}");
        (await page.ContentAsync()).Should().NotContain("Delete").And.NotContain("Edit");
    }

    private static async Task<int> Count(IPage page)
    {
        var heading = await page.Locator("#results").InnerTextAsync();
        return int.Parse(heading.Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> WorkerColumn(IPage page) =>
        await page.Locator("tbody tr td:nth-child(7)").AllInnerTextsAsync();

    private static Task<string> Focused(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName + ':' + (e.tagName === 'A' || e.tagName === 'BUTTON' ? e.textContent.trim() : e.id); }");
}
