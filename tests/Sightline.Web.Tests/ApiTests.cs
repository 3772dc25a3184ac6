using System.Net;
using System.Text.Json;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>The JSON API: the same access rule as the pages for each role, refusals logged, the figures the engine's own.</summary>
[Collection("web")]
public sealed class ApiTests(CouncilServer server)
{
    [Fact]
    public async Task ASocialWorkerListsOnlyTheirChildrenAndIsRefusedAnotherWorkersChildWithTheRefusalLogged()
    {
        using var client = await server.SignedIn("social.worker");
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!);
        mine.Should().NotBeEmpty();

        var listed = (await Json(client, "/api/children")).EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToHashSet();
        listed.Should().BeEquivalentTo(mine);

        var other = server.AnotherWorkersChild();
        var refused = await client.GetAsync($"/api/children/{other}");
        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var entry = server.AccessLog().First();
        entry.ChildId.Should().Be(other);
        entry.Allowed.Should().BeFalse();
        entry.UserName.Should().Be("social.worker");

        var own = mine.Min();
        var record = await Json(client, $"/api/children/{own}");
        record.GetProperty("id").GetInt32().Should().Be(own);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.ChildId == own && e.Allowed);
        var expected = server.Council.Alerts(CouncilServer.Today, [own]).Alerts.Select(a => a.Rule.Id).Order().ToList();
        record.GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("rule").GetString()!).Order().Should().Equal(expected);

        // The journey holds the records the snapshot leaves in the database, read for this child alone.
        using var db = server.Database.Open();
        var planIds = db.ChildProtectionPlans.Where(p => db.CinEpisodes.Any(e => e.Id == p.CinEpisodeId && e.ChildId == own)).Select(p => p.Id).ToList();
        var events = record.GetProperty("journey").EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        events.Count(e => e == "Contact").Should().Be(db.Contacts.Count(c => c.ChildId == own && c.Date <= CouncilServer.Today)).And.BePositive();
        events.Count(e => e == "Core group meeting").Should().Be(db.CoreGroupMeetings.Count(m => planIds.Contains(m.ChildProtectionPlanId) && m.Date <= CouncilServer.Today));
        events.Count(e => e == "Early help assessment started").Should().Be(db.EarlyHelpEpisodes.Count(h => h.ChildId == own && h.AssessmentStartDate <= CouncilServer.Today));
    }

    [Fact]
    public async Task ASocialWorkersAlertsAreTheEnginesForTheirChildrenAndAnotherWorkersAreRefusedAndLogged()
    {
        using var client = await server.SignedIn("social.worker");
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!);
        var alerts = (await Json(client, "/api/alerts")).GetProperty("alerts").EnumerateArray().ToList();
        var expected = server.Council.Alerts(CouncilServer.Today).Alerts.Count(a => a.ChildId is { } id && mine.Contains(id));
        alerts.Should().HaveCount(expected);
        alerts.Should().OnlyContain(a => mine.Contains(a.GetProperty("childId").GetInt32()));

        var worker = server.AnotherWorker();
        (await client.GetAsync($"/api/alerts?worker={worker.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var entry = server.AccessLog().First();
        entry.Allowed.Should().BeFalse();
        entry.Record.Should().Be("API alerts");
        entry.Detail.Should().Contain($"worker {worker.Id}");
    }

    [Fact]
    public async Task SupervisionComplianceIsTheEnginesAndASocialWorkerGetsOnlyTheirOwnLine()
    {
        var period = new Period(new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31));
        var council = Oversight.Supervision.SupervisionCompliance.Compute(server.Council.Snapshot, [period], server.Council.Calendar)
            .Single(l => l.Level == Oversight.Workforce.OrganisationLevel.Council);
        council.Sessions.Due.Should().BeGreaterThan(0, "the generated council has supervision due");

        using var manager = await server.SignedIn("service.manager");
        var lines = (await Json(manager, "/api/supervision?from=2025-11-01&to=2026-10-31")).EnumerateArray().ToList();
        var line = lines.Single(l => l.GetProperty("level").GetString() == "Council");
        line.GetProperty("due").GetInt32().Should().Be(council.Sessions.Due);
        line.GetProperty("met").GetInt32().Should().Be(council.Sessions.Met);
        line.GetProperty("missedWithReason").GetInt32().Should().Be(council.Sessions.MissedWithReason);
        line.GetProperty("missed").GetInt32().Should().Be(council.Sessions.Missed);

        using var worker = await server.SignedIn("social.worker");
        var own = (await Json(worker, "/api/supervision?from=2025-11-01&to=2026-10-31")).EnumerateArray().ToList();
        own.Should().OnlyContain(l => l.GetProperty("level").GetString() == "Worker"
            && l.GetProperty("staffId").GetString() == server.Accounts["social.worker"].WorkerStaffId);
        (await worker.GetAsync("/api/supervision?from=2026-02-01&to=2026-01-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AServiceManagerSeesEveryChildAndFiltersAlertsByRuleAndSeverity()
    {
        using var client = await server.SignedIn("service.manager");
        (await Json(client, "/api/children")).GetArrayLength().Should().Be(server.Council.Snapshot.Children.Count);

        var all = server.Council.Alerts(CouncilServer.Today).Alerts;
        var rule = all.GroupBy(a => a.Rule.Id).OrderByDescending(g => g.Count()).First().Key;
        var filtered = (await Json(client, $"/api/alerts?kind={rule}&severity=High")).GetProperty("alerts");
        filtered.GetArrayLength().Should().Be(all.Count(a => a.Rule.Id == rule && a.Severity == Severity.High));
        (await client.GetAsync("/api/alerts?kind=no-such-rule")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IndicatorsAreTheEnginesOverThePeriodAndMonthByMonth()
    {
        using var client = await server.SignedIn("administrator");
        var values = await Json(client, "/api/indicators?from=2025-11-01&to=2026-10-31");
        var period = new Period(new DateOnly(2025, 11, 1), new DateOnly(2026, 10, 31));
        var council = server.Council;
        var expected = IndicatorCatalogue.All.Select(i => i.Compute(council.Snapshot, period, council.AsAt(period.To))).ToList();
        values.GetArrayLength().Should().Be(expected.Count);
        foreach (var (value, engine) in values.EnumerateArray().Zip(expected))
        {
            value.GetProperty("indicator").GetString().Should().Be(engine.Indicator.Id);
            value.GetProperty("numerator").GetDouble().Should().Be(engine.Numerator);
            value.GetProperty("bands").GetArrayLength().Should().Be(engine.Bands.Count);
        }

        var monthly = await Json(client, "/api/indicators?from=2026-01-01&to=2026-03-31&monthly=true");
        monthly.GetArrayLength().Should().Be(3 * IndicatorCatalogue.All.Count);
        (await client.GetAsync("/api/indicators?from=2026-02-01&to=2026-01-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnAdministratorOpensNoChildThroughTheApi()
    {
        using var client = await server.SignedIn("administrator");
        (await client.GetAsync("/api/children")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/alerts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => !e.Allowed && e.UserName == "administrator");
    }

    [Fact]
    public async Task TheApiAndItsDescriptionAnswer401WhenNotSignedInAndTheDescriptionListsEveryEndpoint()
    {
        using var anonymous = server.Client();
        (await anonymous.GetAsync("/api/children")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        using var client = await server.SignedIn("performance");
        var document = await Json(client, "/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().BeEquivalentTo(["/api/alerts", "/api/indicators", "/api/supervision", "/api/children", "/api/children/{id}"]);
        var response = await client.GetAsync("/api/children");
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    private static async Task<JsonElement> Json(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        response.StatusCode.Should().Be(HttpStatusCode.OK, address);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
