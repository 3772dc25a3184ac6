using System.Net;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>The team and worker pages: a team's children, alerts and caseloads checked against the engine's own
/// alerts and the allocations in the database; who may open which team and worker, and who is refused.</summary>
[Collection("web")]
public sealed class CaseloadPageTests(CouncilServer server, Chromium chromium)
{
    [BrowserFact]
    public async Task ATeamManagerSeesOnlyTheirTeamWithItsChildrenAlertsAndCaseloads()
    {
        var teamName = server.Accounts["team.manager"].Teams.Single();
        var team = server.Council.Snapshot.Teams.Single(t => t.Name == teamName);
        var children = server.ChildrenAllocatedToTeam(teamName);
        var alerts = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is not null).GroupBy(a => a.ChildId!.Value).ToDictionary(g => g.Key, g => g.Count());

        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Caseloads" }).ClickAsync();
        (await page.Locator("#teams-table tbody tr").AllInnerTextsAsync()).Should().ContainSingle().Which.Should().StartWith(teamName);
        await browser.ShouldBeCleanAsync();

        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = teamName }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be(teamName);
        var rows = page.Locator("#children-table tbody tr");
        var shown = new Dictionary<string, int>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            shown[cells[0]] = int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
        }

        shown.Should().BeEquivalentTo(children.ToDictionary(c => server.Council.Child(c)!.LAChildId, c => alerts.GetValueOrDefault(c)));

        // Each worker's children per FTE, from the allocations in the database.
        var caseloads = page.Locator("#caseloads-table tbody tr");
        (await caseloads.CountAsync()).Should().BeGreaterThan(1);
        for (var i = 0; i < await caseloads.CountAsync(); i++)
        {
            var staffId = await caseloads.Nth(i).GetAttributeAsync("data-worker");
            var worker = server.Council.WorkerByStaffId(staffId!)!;
            var held = server.ChildrenAllocatedToWorker(staffId!).Count;
            var cells = await caseloads.Nth(i).Locator("td").AllInnerTextsAsync();
            cells[1].Should().Be(held.ToString(System.Globalization.CultureInfo.InvariantCulture), worker.Name);
            cells[2].Should().Be((held / (double)worker.Fte).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture), worker.Name);
            var expected = held / (double)worker.Fte > 20 ? "Over the ceiling of 20" : held / (double)worker.Fte >= 18 ? "Close to the ceiling (from 18)" : "Within the ceiling";
            cells[4].Should().Be(expected, worker.Name);
        }

        await browser.ShouldBeCleanAsync();
        await caseloads.First.Locator("a").ClickAsync();
        (await page.Locator("span.govuk-caption-l").InnerTextAsync()).Should().Be("Worker");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task ASocialWorkersCaseloadLinkOpensTheirOwnWorkerPageWithTheirChildren()
    {
        var staffId = server.Accounts["social.worker"].WorkerStaffId!;
        var mine = server.ChildrenAllocatedToWorker(staffId).Select(c => server.Council.Child(c)!.LAChildId).ToHashSet();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("social.worker");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Caseloads" }).ClickAsync();
        new Uri(page.Url).AbsolutePath.Should().Be($"/workers/{server.Council.WorkerByStaffId(staffId)!.Id}");
        var shown = new List<string>();
        foreach (var row in await page.Locator("#children-table tbody tr").AllAsync())
        {
            shown.Add((await row.GetAttributeAsync("data-child"))!);
        }

        shown.Should().BeEquivalentTo(mine);
        (await page.Locator("#worker-summary").InnerTextAsync()).Should().Contain(mine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await browser.ShouldBeCleanAsync();
    }

    [Fact]
    public async Task ASocialWorkerIsRefusedEveryTeamPageAndAnotherWorkersPageAndEachRefusalIsLogged()
    {
        var mine = server.Council.WorkerByStaffId(server.Accounts["social.worker"].WorkerStaffId!)!;
        var other = server.AnotherWorker();
        using var client = await server.SignedIn("social.worker");
        (await client.GetAsync($"/workers/{mine.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        foreach (var address in new[] { $"/teams/{mine.TeamId}", $"/teams/{server.Council.Snapshot.Teams.First(t => t.Id != mine.TeamId).Id}", $"/workers/{other.Id}" })
        {
            (await client.GetAsync(address)).StatusCode.Should().Be(HttpStatusCode.Forbidden, address);
            server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.ViewPage && !e.Allowed && e.UserName == "social.worker");
        }

        var list = await client.GetAsync("/teams");
        list.StatusCode.Should().Be(HttpStatusCode.Redirect);
        list.Headers.Location!.OriginalString.Should().Be($"/workers/{mine.Id}");
    }

    [Fact]
    public async Task ATeamManagerOpensTheirOwnTeamButNotAnotherAndTheServiceWideRolesOpenAny()
    {
        var teamName = server.Accounts["team.manager"].Teams.Single();
        var own = server.Council.Snapshot.Teams.Single(t => t.Name == teamName);
        var another = server.Council.Snapshot.Teams.First(t => t.Id != own.Id);
        using var manager = await server.SignedIn("team.manager");
        (await manager.GetAsync($"/teams/{own.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await manager.GetAsync($"/teams/{another.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var outsider = server.Council.Snapshot.Workers.First(w => w.TeamId != own.Id && w.StaffId != server.Accounts["team.manager"].WorkerStaffId);
        (await manager.GetAsync($"/workers/{outsider.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var leader = await server.SignedIn("senior.leader");
        (await leader.GetAsync($"/teams/{another.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var teams = await leader.GetStringAsync("/teams");
        server.Council.Snapshot.Teams.Should().OnlyContain(t => teams.Contains($"href=\"/teams/{t.Id}\""));

        using var administrator = await server.SignedIn("administrator");
        (await administrator.GetAsync($"/teams/{own.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
