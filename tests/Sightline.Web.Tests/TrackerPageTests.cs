using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>The PLO tracker and the long child protection plans page, checked against the snapshot and the engine's
/// own alerts as at the same day, and limited to the children each role may see.</summary>
[Collection("web")]
public sealed class TrackerPageTests(CouncilServer server, Chromium chromium)
{
    private static readonly DateOnly Today = CouncilServer.Today;

    [BrowserFact]
    public async Task ThePloTrackerListsEveryOpenPreProceedingsWithThoseOver16WeeksAsTheRuleJudgesThem()
    {
        var open = server.Council.Snapshot.Children.Where(c => c.PreProceedings.Any(p => p.AwaitsDecisionOn(Today))).Select(c => c.LAChildId).ToHashSet();
        open.Should().NotBeEmpty("the generated council has children in pre-proceedings");
        var over = AlertedChildren("plo-over-16-weeks");

        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("service.manager");
        await page.GetByRole(AriaRole.Link, new() { Name = "PLO tracker" }).ClickAsync();
        var rows = await Rows(page, "#plo-table");
        rows.Select(r => r.Child).Should().BeEquivalentTo(open);
        rows.Where(r => r.Cells[6] == "Yes").Select(r => r.Child).Should().BeEquivalentTo(over);
        foreach (var (child, cells) in rows)
        {
            var pre = server.Council.Snapshot.Children.Single(c => c.LAChildId == child).PreProceedings.Single(p => p.AwaitsDecisionOn(Today));
            cells[2].Should().Be(pre.StartDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture));
            cells[3].Should().Be(((Today.DayNumber - pre.StartDate.DayNumber) / 7).ToString(CultureInfo.InvariantCulture));
            cells[5].Should().StartWith(pre.NextReviewDueOn(Today, 6).ToString("d MMM yyyy", CultureInfo.CurrentCulture));
        }

        await browser.ShouldBeCleanAsync();

        await page.GetByLabel("Show").SelectOptionAsync("ended");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        var ended = server.Council.Snapshot.Children.Where(c => c.PreProceedings.Any(p => p.DecisionDate is { } d && d > Today.AddYears(-1) && d <= Today))
            .Select(c => c.LAChildId).ToHashSet();
        (await Rows(page, "#plo-table")).Select(r => r.Child).Should().BeEquivalentTo(ended);
        await browser.ShouldBeCleanAsync();
    }

    [Fact]
    public async Task ThePloExportHoldsOnlyTheTeamManagersChildrenIsLoggedAndFormulaSafe()
    {
        var team = server.ChildrenAllocatedToTeam(server.Accounts["team.manager"].Teams.Single());
        var expected = server.Council.Snapshot.Children.Where(c => team.Contains(c.Id) && c.PreProceedings.Any(p => p.AwaitsDecisionOn(Today)))
            .Select(c => c.LAChildId).ToList();
        using var client = await server.SignedIn("team.manager");
        var response = await client.GetAsync("/plo/csv");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = Csv.Rows(await response.Content.ReadAsByteArrayAsync());
        rows[0].Should().StartWith(["child", "team", "worker", "legal gateway", "start", "weeks elapsed"]);
        rows.Skip(1).Select(r => r[0]).Should().BeEquivalentTo(expected);
        rows.Skip(1).SelectMany(r => r).Should().NotContain(f => f.Length > 0 && "=+-@".Contains(f[0]));
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.Export && e.Allowed && e.Record == "PLO tracker CSV"
                                                                     && e.Detail!.Contains($"{expected.Count} rows"));
    }

    [BrowserFact]
    public async Task LongPlansListEveryPlanPastTheLocalStandardWithTheSeniorReviewAsTheRuleJudgesIt()
    {
        // The small council has few long plans: the month end with the most is judged.
        var date = Enumerable.Range(1, 48).Select(m => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-m).AddDays(-1))
            .MaxBy(d => LongPlans(d).Count);
        var plans = LongPlans(date);
        plans.Should().NotBeEmpty("the generated council has long plans");
        var alerted = server.Council.Alerts(date).Alerts.Where(a => a.Rule.Id == "cp-plan-18-months")
            .Select(a => server.Council.Child(a.ChildId!.Value)!.LAChildId).ToHashSet();

        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("quality.assurance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Long CP plans" }).ClickAsync();
        await browser.ShouldBeCleanAsync();
        await page.GetByLabel("As at").FillAsync(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        var rows = await Rows(page, "#long-plans-table");
        rows.Select(r => r.Child).Should().BeEquivalentTo(plans.Select(p => p.Child.LAChildId));
        // The rule alerts the day after 18 months; a plan reaching 18 months on the day is listed but not yet alerted.
        rows.Where(r => r.Cells[7].StartsWith("Not recorded", StringComparison.Ordinal)
                        && plans.Single(p => p.Child.LAChildId == r.Child).Plan.StartDate.AddMonths(18) < date)
            .Select(r => r.Child).Should().BeEquivalentTo(alerted);
        foreach (var (child, cells) in rows)
        {
            cells[2].Should().Be(plans.Single(p => p.Child.LAChildId == child).Plan.StartDate.ToString("d MMM yyyy", CultureInfo.CurrentCulture));
        }

        await browser.ShouldBeCleanAsync();
    }

    private List<(Sightline.Model.Child Child, Sightline.Model.ChildProtectionPlan Plan)> LongPlans(DateOnly date) =>
        server.Council.Snapshot.Children
            .SelectMany(c => c.CinEpisodes.SelectMany(e => e.ChildProtectionPlans).Select(p => (Child: c, Plan: p)))
            .Where(x => x.Plan.IsOpenOn(date) && x.Plan.StartDate.AddMonths(18) <= date).ToList();

    [Fact]
    public async Task ASocialWorkerSeesOnlyTheirOwnChildrenOnTheTrackersAndAnAdministratorNeither()
    {
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!).Select(c => server.Council.Child(c)!.LAChildId).ToHashSet();
        using var client = await server.SignedIn("social.worker");
        foreach (var address in new[] { "/plo", "/plo?show=ended", "/long-plans" })
        {
            var html = await client.GetStringAsync(address);
            var listed = System.Text.RegularExpressions.Regex.Matches(html, "data-child=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
            listed.Should().OnlyContain(c => mine.Contains(c), address);
        }

        var csv = Csv.Rows(await client.GetByteArrayAsync("/plo/csv"));
        csv.Skip(1).Select(r => r[0]).Should().OnlyContain(c => mine.Contains(c));

        using var administrator = await server.SignedIn("administrator");
        (await administrator.GetAsync("/plo")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await administrator.GetAsync("/plo/csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await administrator.GetAsync("/long-plans")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private HashSet<string> AlertedChildren(string rule) =>
        server.Council.Alerts(Today).Alerts.Where(a => a.Rule.Id == rule).Select(a => server.Council.Child(a.ChildId!.Value)!.LAChildId).ToHashSet();

    private static async Task<List<(string Child, IReadOnlyList<string> Cells)>> Rows(IPage page, string table)
    {
        var rows = new List<(string, IReadOnlyList<string>)>();
        foreach (var row in await page.Locator($"{table} tbody tr").AllAsync())
        {
            rows.Add(((await row.GetAttributeAsync("data-child"))!, await row.Locator("td").AllInnerTextsAsync()));
        }

        return rows;
    }
}
