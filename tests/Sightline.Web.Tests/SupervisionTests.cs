using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Oversight.Supervision;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>Supervision and the workforce in the application: recording a session, a session not held with its
/// reason, an informal case discussion (then on the child's record), an absence; the compliance page against
/// <c>sightline supervision</c>; amendments by the author only, logged; and who may see whose supervision.</summary>
[Collection("web")]
public sealed class SupervisionTests(CouncilServer server, Chromium chromium)
{
    private static readonly DateOnly Today = CouncilServer.Today;

    private Worker TeamWorker(int skip) => server.TeamWorker(skip);

    private List<SupervisionSession> SessionsOf(int workerId)
    {
        using var db = server.Database.Open();
        return db.SupervisionSessions.AsNoTracking().Include(s => s.ChildrenDiscussed).Include(s => s.Actions).Where(s => s.WorkerId == workerId).OrderBy(s => s.Id).ToList();
    }

    private static async Task FillDate(IPage page, string id, DateOnly date)
    {
        await page.Locator($"#{id}-day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }

    [BrowserFact]
    public async Task ATeamManagerRecordsASessionWithChildrenAndAnActionAndTheNextDueDateFollows()
    {
        var worker = TeamWorker(0);
        var before = SessionsOf(worker.Id).Count;
        var child = server.Council.AllocationsOn(Today).OfWorker(worker.Id).Select(id => server.Council.Child(id)!).OrderBy(c => c.LAChildId, StringComparer.Ordinal).First();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GotoAsync("/supervision/record");
        await browser.ShouldBeCleanAsync();
        await page.GetByLabel("Worker").SelectOptionAsync(worker.Id.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await browser.ArriveAsync(new Regex($"worker={worker.Id}$"));
        await browser.ShouldBeCleanAsync();

        await FillDate(page, "date", Today.AddDays(-1));
        await page.GetByLabel("Yes, it took place").CheckAsync();
        await page.GetByLabel("Attendees").FillAsync("Practice educator <b>Jo</b>");
        await page.GetByLabel(child.LAChildId, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reflective notes").FillAsync("<script>alert(1)</script> Talked through the family's plan.");
        await page.Locator("#action-0").FillAsync("Book the core group");
        await FillDate(page, "action-0-due", Today.AddDays(10));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await browser.ArriveAsync(new Regex($@"/supervision/workers/{worker.Id}\?recorded="));

        var sessions = SessionsOf(worker.Id);
        sessions.Should().HaveCount(before + 1);
        var session = sessions[^1];
        session.Should().Match<SupervisionSession>(s => s.Date == Today.AddDays(-1) && s.Held && s.Kind == SupervisionKind.Formal && s.RecordedBy != null);
        session.ChildrenDiscussed.Select(c => c.ChildId).Should().Equal(child.Id);
        session.Actions.Should().ContainSingle().Which.Should().Match<SupervisionAction>(a => a.Description == "Book the core group" && a.DueDate == Today.AddDays(10));

        // The snapshot was reloaded: the engine's next due date now runs from the session, and the page shows it.
        var standards = server.Council.AsAt(Today).Standards;
        var current = SupervisionClock.Current(server.Council.Worker(worker.Id)!, server.Council.Snapshot.Workforce, server.Council.Calendar, standards, Today.AddYears(1))!.Value;
        current.ClockStart.Should().Be(Today.AddDays(-1));
        (await page.Locator("#next-due").InnerTextAsync()).Should().StartWith(current.Due.Date.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        var card = page.Locator(".govuk-summary-card").First;
        (await card.InnerTextAsync()).Should().Contain("Session held").And.Contain("Practice educator <b>Jo</b>");
        (await page.Locator("script:not([src])").CountAsync()).Should().Be(0, "free text is encoded, never markup");
        (await page.Locator("table[aria-labelledby=open-actions]").InnerTextAsync()).Should().Contain("Book the core group").And.Contain("Not yet due");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.RecordSupervision && e.Allowed && e.UserName == "team.manager" && !e.Detail!.Contains("family"));
        string.Join("\n", server.Log.Messages).Should().NotContain("Talked through");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task ASessionNotHeldNeedsItsReasonAndShowsAsMissedWithReason()
    {
        var worker = TeamWorker(1);
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GotoAsync($"/supervision/record?worker={worker.Id}");
        await FillDate(page, "date", Today.AddDays(-2));
        await page.GetByLabel("No, it did not take place").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).Should().Contain("Enter why the session did not take place");
        (await page.Locator("#reason-error").InnerTextAsync()).Should().Contain("Enter why the session did not take place");
        await browser.ShouldBeCleanAsync();

        await page.GetByLabel("Why it did not take place").FillAsync("Worker attending court all day.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await browser.ArriveAsync(new Regex($@"/supervision/workers/{worker.Id}\?recorded="));
        SessionsOf(worker.Id)[^1].Should().Match<SupervisionSession>(s => !s.Held && s.ReasonNotHeld == "Worker attending court all day." && s.Date == Today.AddDays(-2));
        (await page.Locator(".govuk-summary-card").First.InnerTextAsync()).Should().Contain("Session not held").And.Contain("Worker attending court all day.");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task AnInformalCaseDiscussionShowsOnTheChildsRecordAndIsNotCaseSupervision()
    {
        var worker = TeamWorker(2);
        var child = server.Council.AllocationsOn(Today).OfWorker(worker.Id).Min();
        var discussedBefore = server.Council.Snapshot.Workforce.DiscussedInSupervision(child).ToList();
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GotoAsync($"/supervision/record/discussion?worker={worker.Id}&child={child}");
        await browser.ShouldBeCleanAsync();
        await FillDate(page, "date", Today.AddDays(-3));
        await page.GetByLabel("What was discussed and decided").FillAsync("Agreed to ask the school about attendance.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await browser.ArriveAsync(new Regex($@"/supervision/workers/{worker.Id}\?recorded="));
        SessionsOf(worker.Id)[^1].Kind.Should().Be(SupervisionKind.InformalCaseDiscussion);
        server.Council.Snapshot.Workforce.DiscussedInSupervision(child).Should().Equal(discussedBefore, "an informal discussion is not case supervision");

        await page.GotoAsync($"/children/{child}");
        var timeline = await page.Locator(".sightline-timeline").InnerTextAsync();
        timeline.Should().Contain("Informal case discussion (not formal supervision)").And.Contain("Agreed to ask the school about attendance.");
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task AnAbsenceIsRecordedAndPausesTheClock()
    {
        var worker = TeamWorker(3);
        var standards = server.Council.AsAt(Today).Standards;
        var before = SupervisionClock.Current(worker, server.Council.Snapshot.Workforce, server.Council.Calendar, standards, Today.AddYears(1))!.Value;
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");
        await page.GotoAsync($"/supervision/absence?worker={worker.Id}");
        await page.GetByLabel("Sickness").CheckAsync();
        await FillDate(page, "from", before.Due.Date.AddDays(-20));
        await FillDate(page, "to", before.Due.Date.AddDays(-30));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).Should().Contain("must be the same as or after the first day");
        await browser.ShouldBeCleanAsync();

        // Two whole working weeks (Monday to Friday, twice) inside the interval move the due date 10 working days.
        var monday = before.ClockStart.AddDays(1);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        await FillDate(page, "from", monday);
        await FillDate(page, "to", monday.AddDays(11));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await browser.ArriveAsync(new Regex($@"/supervision/workers/{worker.Id}\?absence=recorded$"));
        (await page.Locator("table[aria-labelledby=absences]").InnerTextAsync()).Should().Contain("Sickness").And.Contain(monday.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        var after = SupervisionClock.Current(server.Council.Worker(worker.Id)!, server.Council.Snapshot.Workforce, server.Council.Calendar, standards, Today.AddYears(1))!.Value;
        after.Due.PausedWorkingDays.Should().BeGreaterThanOrEqualTo(10);
        after.Due.Date.Should().Be(server.Council.Calendar.AddWorkingDays(before.ClockStart.AddDays(before.IntervalDays), after.Due.PausedWorkingDays));
        await browser.ShouldBeCleanAsync();
    }

    [BrowserFact]
    public async Task TheCompliancePageShowsTheFiguresOfTheSupervisionCommand()
    {
        var from = new DateOnly(2025, 11, 1);
        var to = new DateOnly(2026, 10, 31);
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("service.manager");
        await page.GotoAsync($"/supervision?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        await browser.ShouldBeCleanAsync();
        var shown = await Cells(page.Locator("tr[data-level=council]"));

        var csv = RunSightline("supervision", "--from", $"{from:yyyy-MM-dd}", "--to", $"{to:yyyy-MM-dd}", "--format", "csv", "--database", Path.Combine(server.DataFolder, "council.db"));
        var rows = Csv.Rows(System.Text.Encoding.UTF8.GetBytes(csv));
        var header = rows[0].ToList();
        var council = rows.Single(r => r[0] == "council");
        string Field(string name) => council[header.IndexOf(name)];
        int.Parse(Field("due"), CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        shown.Should().Equal(Field("due"), Field("met"), Field("missed_with_reason"), Field("missed"), $"{Field("compliance")}%",
            $"{Field("cases_in_standard")} / {Field("cases")}", $"{Field("actions_due")}: {Field("actions_done_on_time")} / {Field("actions_not_done")}");

        // The monthly trend adds up to the period.
        var months = await page.Locator("table[aria-labelledby=trend] tbody tr").AllAsync();
        months.Should().HaveCount(12);
        var due = 0;
        foreach (var month in months)
        {
            due += int.Parse((await month.Locator("td").First.InnerTextAsync()).Replace(",", ""), CultureInfo.InvariantCulture);
        }

        due.Should().Be(int.Parse(Field("due"), CultureInfo.InvariantCulture));
        (await page.Locator(".sightline-bar__fill").CountAsync()).Should().Be(12);
    }

    [Fact]
    public async Task OnlyTheAuthorAmendsASessionAndEachAmendmentIsLoggedWithoutTheNotes()
    {
        var worker = TeamWorker(4);
        var administrator = await server.SignedIn("administrator");
        var form = await administrator.GetStringAsync($"/supervision/record?worker={worker.Id}");
        var supervisor = server.Council.Snapshot.Workers.First(w => !w.HoldsCases && w.IsInPostOn(Today) && w.Id != worker.Id);
        var fields = new Dictionary<string, string>
        {
            ["Form.Supervisor"] = supervisor.Id.ToString(CultureInfo.InvariantCulture),
            ["Form.Date.Day"] = "1", ["Form.Date.Month"] = "10", ["Form.Date.Year"] = "2026",
            ["Form.Held"] = "yes",
            ["Form.Notes"] = "Private reflection about workload.",
            ["__RequestVerificationToken"] = CouncilServer.Token(form),
        };
        var recorded = await administrator.PostAsync($"/supervision/record?worker={worker.Id}", new FormUrlEncodedContent(fields));
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var session = SessionsOf(worker.Id)[^1];

        // The team manager may see the worker but did not record the session: refused, and the attempt logged.
        var manager = await server.SignedIn("team.manager");
        (await manager.GetAsync($"/supervision/sessions/{session.Id}/amend")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await manager.GetStringAsync($"/supervision/workers/{worker.Id}");
        var post = await manager.PostAsync($"/supervision/sessions/{session.Id}/amend", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["Form.Date.Day"] = "2", ["__RequestVerificationToken"] = CouncilServer.Token(page),
        }));
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        SessionsOf(worker.Id)[^1].Date.Should().Be(new DateOnly(2026, 10, 1));
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.AmendSupervision && !e.Allowed && e.UserName == "team.manager");

        // The author amends the date and the notes: saved, and logged with what changed but not the notes' text.
        var amendForm = await administrator.GetStringAsync($"/supervision/sessions/{session.Id}/amend");
        amendForm.Should().Contain("Private reflection about workload.");
        var amended = await administrator.PostAsync($"/supervision/sessions/{session.Id}/amend", new FormUrlEncodedContent(new Dictionary<string, string>(fields)
        {
            ["Form.Date.Day"] = "5", ["Form.Notes"] = "Private reflection, revised.", ["__RequestVerificationToken"] = CouncilServer.Token(amendForm),
        }));
        amended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        SessionsOf(worker.Id)[^1].Should().Match<SupervisionSession>(s => s.Id == session.Id && s.Date == new DateOnly(2026, 10, 5) && s.Notes == "Private reflection, revised.");
        var entry = server.AccessLog().First();
        entry.Should().Match<AccessLogEntry>(e => e.Action == AccessAction.AmendSupervision && e.Allowed && e.UserName == "administrator" && e.Record == $"Supervision session {session.Id}");
        entry.Detail.Should().Contain("date 2026-10-01 to 2026-10-05").And.Contain("reflective notes changed").And.NotContain("Private");
        string.Join("\n", server.Log.Messages).Should().NotContain("Private reflection");

        // The log cannot be changed through the database either.
        using var db = server.Database.Open();
        var act = () => db.Database.ExecuteSql($"UPDATE \"AccessLog\" SET \"Detail\" = 'nothing' WHERE \"Id\" = {entry.Id}");
        act.Should().Throw<Exception>();
    }

    [Fact]
    public async Task ASocialWorkerSeesOnlyTheirOwnSupervisionAndRecordsNothing()
    {
        var own = server.Council.WorkerByStaffId(server.Accounts["social.worker"].WorkerStaffId!)!;
        var other = TeamWorker(0);
        var client = await server.SignedIn("social.worker");
        (await client.GetAsync($"/supervision/workers/{own.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync($"/supervision/workers/{other.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "social.worker" && !e.Allowed && e.Record == $"Supervision of worker {other.Id}");
        var compliance = await client.GetStringAsync("/supervision");
        compliance.Should().Contain($"data-staff-id=\"{own.StaffId}\"").And.NotContain($"data-staff-id=\"{other.StaffId}\"").And.NotContain("data-level=\"council\"").And.NotContain("data-level=\"team\"");
        (await client.GetAsync("/workforce")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/supervision/record?worker={other.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/supervision/absence?worker={own.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ATeamManagerSeesTheirTeamsWorkersOnlyAndTheRolesThatSeeEveryWorkerSeeAll()
    {
        var manager = server.Accounts["team.manager"];
        var team = server.Council.Snapshot.Teams.Single(t => t.Name == manager.Teams[0]);
        var outsider = server.Council.Snapshot.Workers.First(w => w.TeamId != team.Id && w.HoldsCases && w.IsInPostOn(Today));
        var client = await server.SignedIn("team.manager");
        (await client.GetAsync($"/supervision/workers/{outsider.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync($"/supervision/record?worker={outsider.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var workforce = await client.GetStringAsync("/workforce");
        workforce.Should().NotContain($"data-staff-id=\"{outsider.StaffId}\"").And.Contain($"data-staff-id=\"{TeamWorker(0).StaffId}\"");
        (await client.GetAsync("/supervision/due")).StatusCode.Should().Be(HttpStatusCode.OK);

        foreach (var role in new[] { "service.manager", "quality.assurance", "performance", "senior.leader", "administrator" })
        {
            var all = await server.SignedIn(role);
            (await all.GetAsync($"/supervision/workers/{outsider.Id}")).StatusCode.Should().Be(HttpStatusCode.OK, role);
            (await all.GetStringAsync("/workforce")).Should().Contain($"data-staff-id=\"{outsider.StaffId}\"", role);
        }

        var reader = await server.SignedIn("service.manager");
        (await reader.GetAsync($"/supervision/record?worker={outsider.Id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "a service manager reads supervision; managers and administrators record it");
    }

    [BrowserFact]
    public async Task TheDueAndWorkforcePagesAreAccessible()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        await browser.SignInAsync("team.manager");
        foreach (var address in new[] { "/supervision/due", "/workforce", "/supervision", $"/supervision/workers/{TeamWorker(0).Id}" })
        {
            (await browser.Page.GotoAsync(address))!.Status.Should().Be(200, address);
            await browser.ShouldBeCleanAsync();
        }
    }

    private static async Task<List<string>> Cells(ILocator row) =>
        [.. (await row.Locator("td").AllInnerTextsAsync()).Select(c => c.Trim().Replace(",", ""))];

    private string RunSightline(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sightline.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = server.DataFolder;
        start.Environment["XDG_DATA_HOME"] = server.DataFolder;
        start.Environment.Remove("SIGHTLINE_DATABASE");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(3)).Should().BeTrue();
        process.ExitCode.Should().Be(0, error.Result);
        return output.Result;
    }
}
