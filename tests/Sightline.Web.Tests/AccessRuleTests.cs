using System.Net;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>Each role sees exactly the children it may, on every path to a child: the page, the list, the export.
/// Every refusal answers the same way whether or not the child exists, and is written to the access log.</summary>
[Collection("web")]
public sealed class AccessRuleTests(CouncilServer server)
{
    [Fact]
    public async Task ASocialWorkersListAndExportHoldExactlyTheChildrenAllocatedToThemToday()
    {
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!);
        var expected = Alerted(mine);
        expected.Should().NotBeEmpty("the social worker with the most cases has children with alerts");

        using var client = await server.SignedIn("social.worker");
        var exported = await ExportedChildren(client, "/my-work/csv");
        exported.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task ATeamManagerSeesExactlyTheChildrenAllocatedToTheirTeamToday()
    {
        var team = server.Accounts["team.manager"].Teams.Single();
        var expected = Alerted(server.ChildrenAllocatedToTeam(team));
        expected.Should().NotBeEmpty();

        using var client = await server.SignedIn("team.manager");
        (await ExportedChildren(client, "/my-work/csv")).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("service.manager")]
    [InlineData("quality.assurance")]
    [InlineData("performance")]
    [InlineData("senior.leader")]
    public async Task RolesThatSpanTheServiceSeeEveryChildWithAnAlert(string userName)
    {
        var expected = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is not null).Select(a => server.Council.Child(a.ChildId!.Value)!.LAChildId).ToHashSet();
        using var client = await server.SignedIn(userName);
        (await ExportedChildren(client, "/my-work/csv")).Should().BeEquivalentTo(expected);
        var other = server.AnotherWorkersChild();
        (await client.GetAsync($"/children/{other}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnAdministratorOpensNoChildAndNoWorkList()
    {
        using var client = await server.SignedIn("administrator");
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync("/my-work/csv")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/children/{server.AnotherWorkersChild()}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().Take(3).Should().OnlyContain(e => !e.Allowed && e.UserName == "administrator");
    }

    [Fact]
    public async Task ASocialWorkerIsRefusedAnotherWorkersChildByAddressAndTheAttemptIsLogged()
    {
        var other = server.AnotherWorkersChild();
        using var client = await server.SignedIn("social.worker");
        foreach (var address in new[] { $"/children/{other}", $"/children/{other}?as-at=2026-01-01", $"/children/{other}/" })
        {
            var response = await client.GetAsync(address);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, address);
            var page = await response.Content.ReadAsStringAsync();
            page.Should().Contain("Page not found").And.NotContain(server.Council.Child(other)!.LAChildId);
            var entry = server.AccessLog().First();
            entry.Should().BeEquivalentTo(new { UserName = "social.worker", Action = AccessAction.ViewChild, ChildId = (int?)other, Allowed = false },
                options => options.ExcludingMissingMembers());
        }
    }

    [Fact]
    public async Task AChildWhoDoesNotExistIsRefusedExactlyLikeOneTheUserMayNotSee()
    {
        using var client = await server.SignedIn("social.worker");
        var missing = await client.GetAsync("/children/987654");
        var hidden = await client.GetAsync($"/children/{server.AnotherWorkersChild()}");
        missing.StatusCode.Should().Be(hidden.StatusCode);
        // The pages are the same but for the sign-out form's anti-forgery token, which is new on every page.
        string WithoutToken(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"CfDJ8[^\"]+\"", "");
        WithoutToken(await missing.Content.ReadAsStringAsync()).Should().Be(WithoutToken(await hidden.Content.ReadAsStringAsync()));
        server.AccessLog()[1].Should().Match<AccessLogEntry>(e => e.ChildId == 987654 && !e.Allowed && e.Detail == "No such child.");
    }

    [Fact]
    public async Task ASocialWorkerIsRefusedAnotherWorkersChildrenThroughTheExportQueryStringAndTheAttemptIsLogged()
    {
        var other = server.AnotherWorker();
        using var client = await server.SignedIn("social.worker");
        var response = await client.GetAsync($"/my-work/csv?worker={other.Id}");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        var entry = server.AccessLog().First();
        entry.Action.Should().Be(AccessAction.Export);
        entry.Allowed.Should().BeFalse();
        entry.UserName.Should().Be("social.worker");
        entry.Detail.Should().Contain($"worker {other.Id}");

        (await client.GetAsync($"/my-work?worker={other.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.ViewPage && !e.Allowed && e.Detail!.Contains($"worker {other.Id}"));
    }

    [Fact]
    public async Task ASocialWorkerIsRefusedAnotherTeamThroughTheQueryString()
    {
        var mine = server.Council.WorkerByStaffId(server.Accounts["social.worker"].WorkerStaffId!)!;
        var otherTeam = server.Council.Snapshot.Teams.First(t => t.Id != mine.TeamId);
        using var client = await server.SignedIn("social.worker");
        (await client.GetAsync($"/my-work/csv?team={otherTeam.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.Export && !e.Allowed);
        (await client.GetAsync($"/my-work?team={mine.TeamId}")).StatusCode.Should().Be(HttpStatusCode.OK, "their own team narrows their own list");
    }

    [Fact]
    public async Task OpeningAChildsRecordAndExportingAreLoggedWithWhoWhenAndWhat()
    {
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!).Min();
        using var client = await server.SignedIn("social.worker");
        var before = DateTime.UtcNow.AddSeconds(-1);
        (await client.GetAsync($"/children/{mine}")).StatusCode.Should().Be(HttpStatusCode.OK);
        var view = server.AccessLog().First();
        view.Should().Match<AccessLogEntry>(e => e.Action == AccessAction.ViewChild && e.ChildId == mine && e.Allowed && e.UserName == "social.worker" && e.UserId != null);
        view.At.Should().BeOnOrAfter(before).And.BeOnOrBefore(DateTime.UtcNow.AddSeconds(1));

        var rows = Csv.Rows(await client.GetByteArrayAsync("/my-work/csv?severity=Critical")).Count - 1;
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.Export && e.Allowed && e.Record == "My work CSV"
                                                                     && e.Detail!.Contains("severity Critical") && e.Detail.Contains($"{rows} rows"));
    }

    [Fact]
    public async Task NoPageOrExportAnswersSomeoneNotSignedIn()
    {
        using var client = server.Client();
        foreach (var address in new[] { "/my-work", "/my-work/csv", $"/children/{server.AnotherWorkersChild()}", "/admin/access-log", "/admin/access-log/csv" })
        {
            var response = await client.GetAsync(address);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, address);
            new Uri(server.BaseAddress, response.Headers.Location!).AbsolutePath.Should().Be("/sign-in", address);
        }
    }

    private HashSet<string> Alerted(IReadOnlySet<int> children) =>
        server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is { } child && children.Contains(child))
            .Select(a => server.Council.Child(a.ChildId!.Value)!.LAChildId).ToHashSet();

    private static async Task<HashSet<string>> ExportedChildren(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var rows = Csv.Rows(await response.Content.ReadAsByteArrayAsync());
        rows[0].Should().StartWith(["rule", "rule name", "severity", "child"]);
        return rows.Skip(1).Select(r => r[3]).ToHashSet();
    }
}
