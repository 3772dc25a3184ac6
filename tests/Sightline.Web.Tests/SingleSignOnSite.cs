using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Storage;

namespace Sightline.Web.Tests;

public sealed partial class CouncilServer
{
    private readonly SemaphoreSlim _singleSignOnStart = new(1, 1);
    private SingleSignOnSite? _singleSignOn;

    /// <summary>A second Sightline server over the same council and accounts, with single sign-on configured against
    /// a <see cref="TestIdentityProvider"/>: both started on first use (only the single sign-on tests pay for them)
    /// and stopped with this server.</summary>
    public async Task<SingleSignOnSite> SingleSignOnAsync()
    {
        await _singleSignOnStart.WaitAsync();
        try
        {
            return _singleSignOn ??= await SingleSignOnSite.StartAsync(Database, _folder);
        }
        finally
        {
            _singleSignOnStart.Release();
        }
    }

    private async Task StopSingleSignOnAsync()
    {
        if (_singleSignOn is not null)
        {
            await _singleSignOn.DisposeAsync();
        }
    }
}

/// <summary>Sightline signing in through the council's (test) identity provider: <c>Oidc:Authority</c> is the
/// provider's plain-HTTP loopback address, allowed by <c>Oidc:AllowHttpLoopback</c>.</summary>
public sealed class SingleSignOnSite : IAsyncDisposable
{
    public const string DisplayName = "Test Council";

    private WebApplication _app = null!;

    private SingleSignOnSite()
    {
    }

    public TestIdentityProvider Provider { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything this server has logged.</summary>
    public ServerLog Log { get; } = new();

    /// <summary>The configuration single sign-on is started with, for <paramref name="authority"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri authority) => new()
    {
        ["Oidc:Authority"] = authority.ToString(),
        ["Oidc:AllowHttpLoopback"] = "true",
        ["Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Oidc:DisplayName"] = DisplayName,
    };

    internal static async Task<SingleSignOnSite> StartAsync(SightlineDatabase database, string dataFolder)
    {
        var site = new SingleSignOnSite { Provider = await TestIdentityProvider.StartAsync() };
        site._app = SightlineWeb.Build(new WebOptions(database, dataFolder)
        {
            Urls = ["http://127.0.0.1:0"],
            Today = CouncilServer.Today,
            ExtraLog = site.Log,
            Settings = Settings(site.Provider.Authority),
        });
        SightlineWeb.LoadCouncil(site._app);
        await site._app.StartAsync();
        site.BaseAddress = new Uri(site._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        site.Provider.RedirectUri = new Uri(site.BaseAddress, "/signin-oidc");
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
