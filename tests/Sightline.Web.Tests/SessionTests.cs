using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>A clock a test moves on by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Sessions end after 30 minutes without a request, and each request within them starts the 30 minutes
/// again: a second server over the same council, whose clock the test moves on.</summary>
[Collection("web")]
public sealed class SessionTests(CouncilServer server) : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-session-").FullName;
    private WebApplication? _app;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _app = SightlineWeb.Build(new WebOptions(server.Database, _folder) { Urls = ["http://127.0.0.1:0"], Today = CouncilServer.Today, Time = _clock });
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    [Fact]
    public async Task ASessionEndsAfterThirtyMinutesWithoutARequestAndEachRequestExtendsIt()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _address };
        (await CouncilServer.SignIn(client, "social.worker", "demonstration")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Now += TimeSpan.FromMinutes(25);
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.OK, "25 minutes idle is within the session");
        _clock.Now += TimeSpan.FromMinutes(25);
        (await client.GetAsync("/my-work")).StatusCode.Should().Be(HttpStatusCode.OK, "the request 25 minutes earlier started the 30 minutes again");

        _clock.Now += TimeSpan.FromMinutes(31);
        var expired = await client.GetAsync("/my-work");
        expired.StatusCode.Should().Be(HttpStatusCode.Redirect, "31 minutes without a request ends the session");
        new Uri(_address, expired.Headers.Location!).AbsolutePath.Should().Be("/sign-in");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
