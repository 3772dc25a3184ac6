using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Cli.Generation;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Web;

namespace Sightline.Web.Tests;

/// <summary>Puts every test of the web application into one collection, sharing one server.</summary>
[CollectionDefinition("web")]
public sealed class WebCollection : ICollectionFixture<CouncilServer>, ICollectionFixture<Chromium>;

/// <summary>The real web application, served by Kestrel on 127.0.0.1 at a free port, over a small generated council
/// (600 children, seed 7) in a temporary SQLite file, with the demonstration account for each role. Today is fixed
/// at the council's last day, 31 October 2026, so that every test judges the same records the same way.</summary>
public sealed partial class CouncilServer : IAsyncLifetime
{
    public static readonly DateOnly Today = CouncilGenerator.DefaultEnd;

    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-web-").FullName;
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the server has logged, at every level it logs.</summary>
    public ServerLog Log { get; } = new();
    public SightlineDatabase Database { get; private set; } = null!;
    public string DataFolder => _folder;

    /// <summary>The accounts, by user name, with the worker and teams each stands for.</summary>
    internal IReadOnlyDictionary<string, DemoAccount> Accounts { get; private set; } = null!;

    /// <summary>The council as the server holds it.</summary>
    internal CouncilData Council => _app!.Services.GetRequiredService<CouncilData>();

    public async Task InitializeAsync()
    {
        Database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db"));
        new CouncilGenerator(CouncilSize.Small, seed: 7, children: 600).WriteTo(Database);
        Accounts = (await DemoAccounts.EnsureAsync(Database, Today)).ToDictionary(a => a.UserName);
        _app = SightlineWeb.Build(new WebOptions(Database, _folder) { Urls = ["http://127.0.0.1:0"], Today = Today, ExtraLog = Log });
        SightlineWeb.LoadCouncil(_app);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await StopSingleSignOnAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A case-holding worker in the team manager's team, other than the social worker's account, who holds
    /// cases today: the worker these tests record for (the <paramref name="skip"/>th such worker, so tests do not
    /// share one).</summary>
    internal Worker TeamWorker(int skip)
    {
        var manager = Accounts["team.manager"];
        var team = Council.Snapshot.Teams.Single(t => t.Name == manager.Teams[0]);
        var allocations = Council.AllocationsOn(Today);
        var workers = Council.Snapshot.Workers
            .Where(w => w.TeamId == team.Id && w.HoldsCases && w.IsInPostOn(Today) && w.StaffId != Accounts["social.worker"].WorkerStaffId
                        && w.StaffId != manager.WorkerStaffId && allocations.OfWorker(w.Id).Count > 0)
            .OrderBy(w => w.StaffId, StringComparer.Ordinal).ToList();
        return workers[skip % workers.Count];
    }

    /// <summary>The children allocated on <see cref="Today"/> to a worker (by staff ID), read straight from the
    /// database: the oracle the access rule is checked against.</summary>
    public HashSet<int> ChildrenAllocatedToWorker(string staffId)
    {
        using var db = Database.Open();
        var worker = db.Workers.Single(w => w.StaffId == staffId);
        return OpenAllocations(db).Where(a => a.WorkerId == worker.Id).Select(a => a.ChildId).ToHashSet();
    }

    /// <summary>The children allocated on <see cref="Today"/> to a team (by name), read straight from the database.</summary>
    public HashSet<int> ChildrenAllocatedToTeam(string teamName)
    {
        using var db = Database.Open();
        var team = db.Teams.Single(t => t.Name == teamName);
        return OpenAllocations(db).Where(a => a.TeamId == team.Id).Select(a => a.ChildId).ToHashSet();
    }

    /// <summary>A child allocated today to another worker in another team than the social worker's, who has alerts.</summary>
    public int AnotherWorkersChild()
    {
        var mine = ChildrenAllocatedToWorker(Accounts["social.worker"].WorkerStaffId!);
        var alerted = Council.Alerts(Today).Alerts.Where(a => a.ChildId is not null).Select(a => a.ChildId!.Value).ToHashSet();
        using var db = Database.Open();
        return OpenAllocations(db).Where(a => a.WorkerId != null && !mine.Contains(a.ChildId) && alerted.Contains(a.ChildId))
            .OrderBy(a => a.ChildId).First().ChildId;
    }

    /// <summary>A worker other than the social worker, who holds cases today.</summary>
    public Worker AnotherWorker()
    {
        using var db = Database.Open();
        var staffId = Accounts["social.worker"].WorkerStaffId;
        var holding = OpenAllocations(db).Where(a => a.WorkerId != null).Select(a => a.WorkerId!.Value).ToHashSet();
        return db.Workers.AsNoTracking().Where(w => w.StaffId != staffId).AsEnumerable().First(w => holding.Contains(w.Id));
    }

    /// <summary>The access log's entries, newest first.</summary>
    public List<AccessLogEntry> AccessLog()
    {
        using var db = Database.Open();
        return db.AccessLog.AsNoTracking().OrderByDescending(e => e.Id).ToList();
    }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, so each answer can be checked.</summary>
    public HttpClient Client() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true })
    {
        BaseAddress = BaseAddress,
    };

    /// <summary>A client signed in as the account, through the sign-in form with its anti-forgery token.</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = DemoAccounts.Password)
    {
        var client = Client();
        var response = await SignIn(client, userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Posts the sign-in form as a browser would.</summary>
    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string userName, string password)
    {
        var form = await client.GetStringAsync("/sign-in");
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = password,
            ["__RequestVerificationToken"] = Token(form),
        }));
    }

    /// <summary>The anti-forgery token in a page's form.</summary>
    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no anti-forgery token.");

    private static IQueryable<Allocation> OpenAllocations(SightlineDbContext db) =>
        db.Allocations.AsNoTracking().Where(a => a.StartDate <= Today && (a.EndDate == null || a.EndDate >= Today));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
