using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sightline.Model;
using Sightline.Oversight.Alerts;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>Marking an action agreed in supervision done: who may (a manager of the worker's team, an administrator,
/// the session's author; not the worker, not a reader, not anyone outside the team), the date's checks, once only,
/// every attempt logged; and the supervision-action-overdue alert leaving My work and the worker's record.</summary>
[Collection("web")]
public sealed class SupervisionActionTests(CouncilServer server, Chromium chromium)
{
    private static readonly DateOnly Today = CouncilServer.Today;

    /// <summary>The day the sessions these tests record were held, and the day their action was due: 9 days ago.</summary>
    private static readonly DateOnly Held = Today.AddDays(-20);
    private static readonly DateOnly Due = Today.AddDays(-9);

    /// <summary>Records, as <paramref name="author"/>, a session for the worker held on <see cref="Held"/> discussing one
    /// of their children, with one action due on <see cref="Due"/> (an action recorded in the application names no
    /// child); returns the action and the child discussed.</summary>
    private async Task<(SupervisionAction Action, int ChildId)> OverdueAction(string author, Worker worker, string description)
    {
        var client = await server.SignedIn(author);
        var form = await client.GetStringAsync($"/supervision/record?worker={worker.Id}");
        var supervisor = server.Council.Snapshot.Workers.First(w => !w.HoldsCases && w.IsInPostOn(Today) && w.Id != worker.Id);
        var child = server.Council.AllocationsOn(Today).OfWorker(worker.Id).Min();
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var recorded = await client.PostAsync($"/supervision/record?worker={worker.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Supervisor"] = N(supervisor.Id),
            ["Form.Date.Day"] = N(Held.Day), ["Form.Date.Month"] = N(Held.Month), ["Form.Date.Year"] = N(Held.Year),
            ["Form.Held"] = "yes",
            ["Form.Children"] = N(child),
            ["Form.Actions[0].Description"] = description,
            ["Form.Actions[0].Due.Day"] = N(Due.Day), ["Form.Actions[0].Due.Month"] = N(Due.Month), ["Form.Actions[0].Due.Year"] = N(Due.Year),
            ["__RequestVerificationToken"] = CouncilServer.Token(form),
        }));
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{author} records for the worker");
        using var db = server.Database.Open();
        return (db.SupervisionActions.AsNoTracking().Single(a => a.Description == description), child);
    }

    private SupervisionAction Stored(int id)
    {
        using var db = server.Database.Open();
        return db.SupervisionActions.AsNoTracking().Single(a => a.Id == id);
    }

    private static FormUrlEncodedContent Completed(DateOnly date, string page) => new(new Dictionary<string, string>
    {
        ["Completed.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        ["Completed.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        ["Completed.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
        ["__RequestVerificationToken"] = CouncilServer.Token(page),
    });

    private AccessLogEntry LastLogged() => server.AccessLog().First();

    /// <summary>The worker's supervision-action-overdue alerts about actions recorded in the application due on
    /// <see cref="Due"/>, as the engine judges today.</summary>
    private List<Oversight.Alert> Alerts(int workerId) =>
        server.Council.Alerts(Today).Alerts.Where(a => a.Rule.Id == "supervision-action-overdue" && a.WorkerId == workerId && a.ChildId == null && a.Due == Due).ToList();

    [Fact]
    public async Task OnlyTheTeamsManagerAnAdministratorOrTheAuthorMarksAnActionDoneOnceAndEveryAttemptIsLogged()
    {
        var worker = server.TeamWorker(5);
        var (action, _) = await OverdueAction("team.manager", worker, "Ring the school about attendance (team)");
        var manager = server.Accounts["team.manager"];
        var team = server.Council.Snapshot.Teams.Single(t => t.Name == manager.Teams[0]);
        var outsider = server.Council.Snapshot.Workers.First(w => w.TeamId != team.Id && w.HoldsCases && w.IsInPostOn(Today)
                                                                 && server.Council.AllocationsOn(Today).OfWorker(w.Id).Count > 0);
        var (elsewhere, _) = await OverdueAction("administrator", outsider, "Ring the school about attendance (elsewhere)");
        var own = server.Council.WorkerByStaffId(server.Accounts["social.worker"].WorkerStaffId!)!;
        var (ownAction, _) = await OverdueAction("team.manager", own, "Ring the school about attendance (own)");
        Alerts(worker.Id).Should().ContainSingle("the action is 9 days overdue").Which.Overdue.Should().Be(9);

        // A social worker of another team: the action is not found, as a worker they may not see is; logged.
        var socialWorker = await server.SignedIn("social.worker");
        (await socialWorker.GetAsync($"/supervision/actions/{elsewhere.Id}/done")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        LastLogged().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.CompleteSupervisionAction && !e.Allowed
                                                         && e.UserName == "social.worker" && e.Record == $"Supervision action {elsewhere.Id}");

        // Their own action: seen on their record, not theirs to mark done (403, logged), by a link or by a post.
        var ownPage = await socialWorker.GetStringAsync($"/supervision/workers/{own.Id}");
        ownPage.Should().Contain("Ring the school about attendance (own)").And.Contain("9 days overdue").And.NotContain($"/supervision/actions/{ownAction.Id}/done");

        // An action about a child the worker no longer holds names no child to them.
        var mine = server.ChildrenAllocatedToWorker(own.StaffId);
        var hidden = server.Council.Snapshot.Workforce.SupervisionOf(own).Actions.Select(a => a.Action.ChildId).OfType<int>().Where(c => !mine.Contains(c)).ToList();
        foreach (var other in hidden)
        {
            ownPage.Should().NotContain($"/children/{other}\"").And.NotContain($">{server.Council.Child(other)!.LAChildId}<");
        }

        ownPage.Contains("A child not allocated to you or your teams", StringComparison.Ordinal).Should().Be(hidden.Count > 0);
        (await socialWorker.GetAsync($"/supervision/actions/{ownAction.Id}/done")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await socialWorker.PostAsync($"/supervision/actions/{ownAction.Id}/done", Completed(Today, ownPage))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        LastLogged().Should().Match<AccessLogEntry>(e => e.Action == AccessAction.CompleteSupervisionAction && !e.Allowed && e.UserName == "social.worker"
                                                         && e.Record == $"Supervision action {ownAction.Id}");

        // The team manager outside their teams: not found; a service manager, who reads every worker: refused.
        var client = await server.SignedIn("team.manager");
        (await client.GetAsync($"/supervision/actions/{elsewhere.Id}/done")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var reader = await server.SignedIn("service.manager");
        (await reader.GetAsync($"/supervision/actions/{action.Id}/done")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        LastLogged().Should().Match<AccessLogEntry>(e => !e.Allowed && e.UserName == "service.manager");
        Stored(action.Id).CompletedDate.Should().BeNull();

        // The team's manager: listed on Due this week with its link; the date defaults to today and is checked.
        (await client.GetStringAsync("/supervision/due")).Should().Contain($"href=\"/supervision/actions/{action.Id}/done\"");
        var form = await client.GetStringAsync($"/supervision/actions/{action.Id}/done");
        form.Should().Contain($"id=\"completed-day\" name=\"Completed.Day\" type=\"text\" inputmode=\"numeric\" value=\"{Today.Day}\"")
            .And.Contain($"value=\"{Today.Year}\"").And.Contain("Ring the school about attendance (team)");
        foreach (var (date, message) in new[]
                 {
                     (Held.AddDays(-1), "must be the same as or after"),
                     (Today.AddDays(1), "must be today or in the past"),
                 })
        {
            var refused = await client.PostAsync($"/supervision/actions/{action.Id}/done", Completed(date, form));
            refused.StatusCode.Should().Be(HttpStatusCode.OK);
            var html = await refused.Content.ReadAsStringAsync();
            html.Should().Contain("govuk-error-summary").And.Contain(message).And.Contain("href=\"#completed-day\"");
        }

        Stored(action.Id).CompletedDate.Should().BeNull("nothing is saved while the date is wrong");

        // Marked done the day the session was held: saved with who and when, logged without the action's words.
        var done = await client.PostAsync($"/supervision/actions/{action.Id}/done", Completed(Held, form));
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        done.Headers.Location!.OriginalString.Should().Be($"/supervision/workers/{worker.Id}?done={action.Id}#actions");
        var entry = LastLogged();
        entry.Should().Match<AccessLogEntry>(e => e.Action == AccessAction.CompleteSupervisionAction && e.Allowed && e.UserName == "team.manager"
                                                  && e.Record == $"Supervision action {action.Id}");
        entry.Detail.Should().Be($"Marked done on {Held:yyyy-MM-dd} (due {Due:yyyy-MM-dd}); session {action.SupervisionSessionId} of worker {worker.Id}");
        Stored(action.Id).Should().Match<SupervisionAction>(a => a.CompletedDate == Held && a.CompletedBy == entry.UserId && a.CompletedRecordedAt != null);
        string.Join("\n", server.Log.Messages).Should().NotContain("Ring the school");

        // The engine no longer fires for it, and the record lists it as done by the team manager.
        Alerts(worker.Id).Should().BeEmpty();
        var record = await client.GetStringAsync(done.Headers.Location.OriginalString);
        record.Should().Contain("The action was marked done").And.Contain("team.manager on");
        (await client.GetStringAsync("/supervision/due")).Should().NotContain($"href=\"/supervision/actions/{action.Id}/done\"");

        // Once only: marking it again (as the manager or an administrator) is refused and logged; nothing changes.
        var again = await client.PostAsync($"/supervision/actions/{action.Id}/done", Completed(Today, form));
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        LastLogged().Should().Match<AccessLogEntry>(e => !e.Allowed && e.UserName == "team.manager" && e.Detail!.StartsWith("Already marked done on " + Held.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var administrator = await server.SignedIn("administrator");
        var adminPage = await administrator.GetStringAsync($"/supervision/actions/{action.Id}/done");
        adminPage.Should().Contain("was marked done on").And.NotContain("name=\"Completed.Day\"");
        (await administrator.PostAsync($"/supervision/actions/{action.Id}/done", Completed(Today, adminPage))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        Stored(action.Id).Should().Match<SupervisionAction>(a => a.CompletedDate == Held && a.CompletedBy == entry.UserId);

        // The administrator, who records for every worker, marks the other team's action done.
        var elsewhereForm = await administrator.GetStringAsync($"/supervision/actions/{elsewhere.Id}/done");
        (await administrator.PostAsync($"/supervision/actions/{elsewhere.Id}/done", Completed(Today, elsewhereForm))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        Stored(elsewhere.Id).CompletedDate.Should().Be(Today);
    }

    [BrowserFact]
    public async Task ATeamManagerMarksAnActionDoneWithTheKeyboardAndItsAlertLeavesMyWorkAndTheRecord()
    {
        // An overdue action from the council's extract, about a child allocated to the team today.
        var manager = server.Accounts["team.manager"];
        var team = server.Council.Snapshot.Teams.Single(t => t.Name == manager.Teams[0]);
        var allocations = server.Council.AllocationsOn(Today);
        var asAt = server.Council.AsAt(Today);
        var (session, action) = server.Council.Snapshot.Supervision
            .Where(s => server.Council.Worker(s.WorkerId) is { } w && w.TeamId == team.Id && w.IsInPostOn(Today) && w.StaffId != manager.WorkerStaffId)
            .SelectMany(s => s.Actions.Select(a => (Session: s, Action: a)))
            .Where(x => x.Action.ChildId is { } c && allocations.Of(c)?.TeamId == team.Id && SupervisionActionOverdue.DaysOverdue(x.Session, x.Action, asAt) > 0)
            .OrderBy(x => x.Action.Id).First();
        var worker = server.Council.Worker(session.WorkerId)!;
        var child = server.Council.Child(action.ChildId!.Value)!;
        var late = SupervisionActionOverdue.DaysOverdue(session, action, asAt);
        var where = session.Kind == SupervisionKind.Formal ? "in formal supervision" : "in an informal case discussion";
        string Long(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var explanation = $"agreed {where} on {Long(session.Date)} for a child was due by {Long(action.DueDate!.Value)}";
        var holder = allocations.Of(child.Id)!.WorkerId;
        var myWork = $"/my-work?kind=supervision-action-overdue&{(holder is { } h ? $"worker={h}" : $"team={team.Id}")}";
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("team.manager");

        await page.GotoAsync(myWork);
        await browser.ShouldBeCleanAsync();
        var alerted = page.Locator("tbody tr", new() { HasText = explanation }).Filter(new() { HasText = child.LAChildId });
        var before = await alerted.CountAsync();
        before.Should().BeGreaterThan(0, "the overdue action is on My work");

        await page.GotoAsync($"/supervision/workers/{worker.Id}");
        await browser.ShouldBeCleanAsync();
        var row = page.Locator($"table[aria-labelledby=open-actions] tr[data-action-id=\"{action.Id}\"]");
        (await row.InnerTextAsync()).Should().Contain($"{late} {(late == 1 ? "day" : "days")} overdue").And.Contain(child.LAChildId);

        // By keyboard: the link, then day, month and year in order, then the button.
        await row.GetByRole(AriaRole.Link, new() { Name = "Mark as done" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await browser.ArriveAsync(new Regex($"/supervision/actions/{action.Id}/done$"));
        await browser.ShouldBeCleanAsync();
        (await page.Locator("#completed-day").InputValueAsync()).Should().Be(Today.Day.ToString(CultureInfo.InvariantCulture), "the date defaults to today");
        await page.Locator("#completed-year").FillAsync(session.Date.AddYears(-1).Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).Should().Contain("must be the same as or after");
        await browser.ShouldBeCleanAsync();

        var done = Today.AddDays(-1);
        await page.Locator("#completed-day").FocusAsync();
        foreach (var (part, next) in new[] { (done.Day, "completed-month"), (done.Month, "completed-year"), (done.Year, "") })
        {
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(part.ToString(CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync("Tab");
            if (next != "")
            {
                (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be(next);
            }
        }

        (await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()")).Should().Be("Mark as done");
        await page.Keyboard.PressAsync("Enter");
        await browser.ArriveAsync(new Regex($@"/supervision/workers/{worker.Id}\?done={action.Id}"));
        await browser.ShouldBeCleanAsync();

        (await page.Locator($"table[aria-labelledby=open-actions] tr[data-action-id=\"{action.Id}\"]").CountAsync()).Should().Be(0);
        (await page.Locator($"table[aria-labelledby=done-actions] tr[data-action-id=\"{action.Id}\"]").InnerTextAsync())
            .Should().Contain(done.ToString("d MMM yyyy", CultureInfo.InvariantCulture)).And.Contain("team.manager on").And.Contain("Late");
        Stored(action.Id).CompletedDate.Should().Be(done);

        await page.GotoAsync(myWork);
        await browser.ShouldBeCleanAsync();
        (await alerted.CountAsync()).Should().Be(before - 1, "the alert clears from the day the action was done");
    }
}
