using System.Net;

namespace Sightline.Web.Tests;

/// <summary>What the server writes to its own log: identifiers only, never a child's or a worker's name, a child's
/// council identifier, or a date of birth, whatever the request.</summary>
[Collection("web")]
public sealed class LoggingTests(CouncilServer server)
{
    [Fact]
    public async Task TheServerLogsIdentifiersButNoPersonalData()
    {
        var mine = server.ChildrenAllocatedToWorker(server.Accounts["social.worker"].WorkerStaffId!).Min();
        var other = server.AnotherWorkersChild();
        using var client = await server.SignedIn("social.worker");
        (await client.GetAsync($"/children/{mine}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/children/{other}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/my-work/csv")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/my-work/csv?worker={server.AnotherWorker().Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await CouncilServer.SignIn(server.Client(), "social.worker", "a wrong password")).StatusCode.Should().Be(HttpStatusCode.OK);

        var log = string.Join("\n", server.Log.Messages);
        log.Should().Contain($"child {mine} by user").And.Contain($"child {other} by user");
        foreach (var id in new[] { mine, other })
        {
            var child = server.Council.Child(id)!;
            log.Should().NotContain(child.LAChildId);
            if (child.DateOfBirth is { } born)
            {
                log.Should().NotContain(born.ToString("yyyy-MM-dd")).And.NotContain(born.ToString("d MMMM yyyy"));
            }
        }

        foreach (var worker in server.Council.Snapshot.Workers)
        {
            log.Should().NotContain(worker.Name);
        }

        log.Should().NotContain("social.worker").And.NotContain("demonstration").And.NotContain("a wrong password");
    }
}
