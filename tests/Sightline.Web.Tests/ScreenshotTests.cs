using System.Buffers.Binary;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Sightline.Web.Tests;

/// <summary>Pictures of the main pages, 1280 pixels wide, for docs/screenshots.md: each page opened as the role that
/// would use it, over the tests' generated council as at its last day, so the same pictures come out every time.
/// They are written to the folder named by <c>SIGHTLINE_SCREENSHOTS</c> (scripts/screenshots names docs/screenshots),
/// or to a temporary folder, deleted afterwards, when it is not set: the test runs either way, and fails when a
/// page does not open with its heading or its picture is not a PNG of the expected width.</summary>
[Collection("web")]
public sealed class ScreenshotTests(CouncilServer server, Chromium chromium)
{
    /// <summary>Names the folder the pictures are written to.</summary>
    public const string FolderVariable = "SIGHTLINE_SCREENSHOTS";

    /// <summary>The width of every picture, a common laptop's.</summary>
    public const int Width = 1280;

    /// <summary>The tallest a picture is: a long page is cut here, which shows its top and keeps the file small.</summary>
    public const int MaxHeight = 1600;

    /// <summary>One picture: the file, who opens the page, its address, the heading it must show, how tall the
    /// picture may be (taller for a page whose charts are below its form), and where it starts when not at the top
    /// of the page (a selector: the picture starts just above that element).</summary>
    public sealed record Shot(string File, string Account, string Address, string Heading, int MaxHeight = MaxHeight, string? From = null);

    [BrowserFact]
    public async Task EachMainPageIsPhotographed()
    {
        var given = Environment.GetEnvironmentVariable(FolderVariable);
        var folder = string.IsNullOrWhiteSpace(given) ? Directory.CreateTempSubdirectory("sightline-screenshots-").FullName : Path.GetFullPath(given);
        Directory.CreateDirectory(folder);
        try
        {
            var shots = Shots();
            foreach (var account in shots.GroupBy(s => s.Account))
            {
                await using var browser = await chromium.NewPageAsync(server.BaseAddress);
                var page = browser.Page;
                await page.SetViewportSizeAsync(Width, 800);
                await browser.SignInAsync(account.Key);
                foreach (var shot in account)
                {
                    var response = await page.GotoAsync(shot.Address);
                    response!.Status.Should().Be(200, shot.Address);
                    (await page.Locator("h1").InnerTextAsync()).Should().Be(shot.Heading, shot.Address);
                    if (await page.Locator("[data-chart-for]").CountAsync() > 0)
                    {
                        await page.Locator("[data-chart-for] canvas").First.WaitForAsync();
                    }

                    var top = shot.From is { } from
                        ? (int)Math.Max(0, await page.Locator(from).First.EvaluateAsync<double>("e => e.getBoundingClientRect().top + window.scrollY") - 20)
                        : 0;
                    var height = Math.Min(await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight") - top, shot.MaxHeight);
                    var path = Path.Combine(folder, shot.File);
                    await page.ScreenshotAsync(new PageScreenshotOptions
                    {
                        Path = path,
                        Type = ScreenshotType.Png,
                        FullPage = true,
                        Clip = new Clip { X = 0, Y = top, Width = Width, Height = height },
                    });
                    var png = await File.ReadAllBytesAsync(path);
                    png.Should().StartWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, shot.File);
                    BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).Should().Be(Width, $"{shot.File} is {Width} pixels wide");
                    BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).Should().Be(height, shot.File);
                }

                browser.Errors.Should().BeEmpty();
            }

            Directory.GetFiles(folder, "*.png").Select(Path.GetFileName).Should().Contain(shots.Select(s => s.File));
        }
        finally
        {
            if (string.IsNullOrWhiteSpace(given))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Every picture, in the order docs/screenshots.md shows them.</summary>
    private List<Shot> Shots()
    {
        var manager = server.Accounts["team.manager"];
        using var db = server.Database.Open();
        var team = db.Teams.AsNoTracking().Single(t => t.Name == manager.Teams.Single());
        var worker = db.Workers.AsNoTracking().Single(w => w.StaffId == server.Accounts["social.worker"].WorkerStaffId);

        // The team's child with the most alerts today, and the month end with the most long plans (the small council has few).
        var teamChildren = server.ChildrenAllocatedToTeam(team.Name);
        var child = server.Council.Alerts(CouncilServer.Today).Alerts.Where(a => a.ChildId is { } id && teamChildren.Contains(id))
            .GroupBy(a => a.ChildId!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var longPlans = Enumerable.Range(1, 48).Select(m => new DateOnly(CouncilServer.Today.Year, CouncilServer.Today.Month, 1).AddMonths(-m).AddDays(-1))
            .MaxBy(d => server.Council.Snapshot.Children.SelectMany(c => c.CinEpisodes.SelectMany(e => e.ChildProtectionPlans))
                .Count(p => p.IsOpenOn(d) && p.StartDate.AddMonths(18) <= d));

        return
        [
            new("my-work.png", "team.manager", "/my-work", "My work"),
            new("child.png", "team.manager", $"/children/{child}", server.Council.Child(child)!.LAChildId),
            new("team.png", "team.manager", $"/teams/{team.Id}", team.Name),
            new("worker.png", "team.manager", $"/workers/{worker.Id}", worker.Name),
            new("dashboard.png", "senior.leader", "/dashboard", "Dashboard", From: "h2:text-is('Indicators')"),
            new("dashboard-trends.png", "senior.leader", "/dashboard", "Dashboard", From: "h2:text-is('Monthly trends')"),
            new("plo-tracker.png", "service.manager", "/plo", "PLO tracker"),
            new("long-plans.png", "service.manager", $"/long-plans?as-at={longPlans.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", "Long child protection plans"),
            new("supervision.png", "service.manager", "/supervision", "Supervision", 4000),
            new("workforce.png", "service.manager", "/workforce", "Caseloads and churn", 4000),
            new("rules.png", "social.worker", "/rules", "Rules and indicators"),
            new("data.png", "performance", "/data", "Data"),
            new("settings.png", "administrator", "/settings", "Local standards"),
        ];
    }
}
