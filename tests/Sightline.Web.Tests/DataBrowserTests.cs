using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Sightline.Cli.AnnexA;
using Sightline.Cli.Generation;
using Sightline.Formats.AnnexA;
using Sightline.Formats.CinCensus;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>Loading a file on the Data page in Debian's Chromium, as a performance officer would: the GOV.UK file
/// upload control, the progress page, the import's report, the council's records afterwards, a bad file, and the
/// same upload with the keyboard alone. On a server of its own, since each upload changes the council.</summary>
[Collection("web-changes")]
public sealed class UploadBrowserTests(ChangingCouncil council, Chromium chromium)
{
    private CouncilServer Server => council.Server;

    [BrowserFact]
    public async Task ACensusUploadedThroughTheFormShowsItsProgressThenItsReportAndChangesTheCouncil()
    {
        var census = WriteCensus("U1", out var written, duplicateLast: true);
        var before = ChildCount();

        await using var browser = await chromium.NewPageAsync(Server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("performance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Data", Exact = true }).ClickAsync();
        await browser.ShouldBeCleanAsync();
        await page.GetByLabel("A CIN census (XML)").CheckAsync();
        await page.GetByLabel("The file", new() { Exact = true }).SetInputFilesAsync(census);

        // The test holds the database's write lock, so the import waits to begin and its progress page can be read
        // (write-ahead logging lets the pages go on reading). Letting go of the lock lets the import run.
        await using (var held = new SqliteConnection(Server.Database.ConnectionString))
        {
            await held.OpenAsync();
            await using var writeLock = await held.BeginTransactionAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Load the file" }).ClickAsync();
            await browser.ArriveAsync(new Regex(@"/data/jobs/[0-9a-f-]+$"));
            (await page.Locator("h1").InnerTextAsync()).Should().Be($"Loading {Path.GetFileName(census)}");
            (await page.Locator("#import-stage").InnerTextAsync()).Should().StartWith("Waiting to start: 0%");
            (await page.Locator("#import-stage").GetAttributeAsync("role")).Should().Be("status");
            (await page.GetByRole(AriaRole.Link, new() { Name = "Check again" }).CountAsync()).Should().Be(1);
            await browser.ShouldBeCleanAsync();
            await writeLock.RollbackAsync();
        }

        // The page's script asks each second and opens the report when the import has finished.
        await browser.ArriveAsync(ImportReport, 60_000, ImportJobsLog);
        using var db = Server.Database.Open();
        var record = await db.ImportRecords.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
        new Uri(page.Url).AbsolutePath.Should().Be($"/data/imports/{record.Id}");
        record.FileName.Should().Be(Path.GetFileName(census));
        record.ImportedBy.Should().Be("performance");
        record.Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
        (record.RecordsRead, record.RecordsLoaded, record.RecordsRejected).Should().Be((written, written - 1, 1), "the last child repeats another's LAchildID");

        (await page.Locator("h1").InnerTextAsync()).Should().Be($"Import {record.Id}: {record.FileName}");
        (await page.Locator("#import-summary .govuk-tag").InnerTextAsync()).Should().Be("Loaded with rejections");
        (await page.Locator("#records-read").InnerTextAsync()).Should().Be(record.RecordsRead.ToString("N0", CultureInfo.InvariantCulture));
        (await page.Locator("#records-loaded").InnerTextAsync()).Should().Be(record.RecordsLoaded.ToString("N0", CultureInfo.InvariantCulture));
        (await page.Locator("#records-rejected").InnerTextAsync()).Should().Be(record.RecordsRejected.ToString("N0", CultureInfo.InvariantCulture));
        var rejection = await db.ImportRejections.AsNoTracking().SingleAsync(r => r.ImportRecordId == record.Id);
        var row = await page.Locator("table[aria-labelledby=rejections] tbody tr").AllInnerTextsAsync();
        row.Should().ContainSingle().Which.Should().Contain(rejection.RecordId!).And.Contain(rejection.Reason);
        rejection.Reason.Should().Contain("the same LAchildID was already given");
        await browser.ShouldBeCleanAsync();

        // The records are in the database and in the pages' copy of the council, loaded again after the import.
        ChildCount().Should().Be(before + written - 1);
        var loaded = db.Children.AsNoTracking().Where(c => c.LAChildId.StartsWith("U1")).Select(c => c.LAChildId).ToList();
        loaded.Should().HaveCount(written - 1);
        Server.Council.Snapshot.Children.Select(c => c.LAChildId).Should().Contain(loaded);

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to data" }).ClickAsync();
        (await page.Locator("table[aria-labelledby=imports] tbody tr").First.InnerTextAsync())
            .Should().Contain(record.FileName).And.Contain("performance").And.Contain("Loaded with rejections");
    }

    [BrowserTheory]
    [InlineData("cut-short.xml", "not complete, well-formed XML")]
    [InlineData("entities.xml", "contains a document type definition (DTD)")]
    public async Task ABadFileIsRefusedWithItsReasonAndChangesNothing(string name, string reason)
    {
        var good = await File.ReadAllTextAsync(WriteCensus($"B{name[0]}", out _, duplicateLast: false));
        var content = name == "entities.xml"
            ? First(First(good, "<Message", "<!DOCTYPE Message [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<Message"),
                "<LAchildID>", "<LAchildID>&lol2;")
            : good[..(good.Length * 2 / 3)];
        var before = ChildCount();
        int imports;
        using (var db = Server.Database.Open())
        {
            imports = await db.ImportRecords.CountAsync();
        }

        await using var browser = await chromium.NewPageAsync(Server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("performance");
        await page.GotoAsync("/data");
        await page.GetByLabel("The file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "text/xml", Buffer = Encoding.UTF8.GetBytes(content),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Load the file" }).ClickAsync();
        await browser.ArriveAsync(ImportReport, 60_000, ImportJobsLog);

        (await page.Locator("#import-summary .govuk-tag").InnerTextAsync()).Should().Be("Refused");
        var why = await page.Locator("#import-summary .govuk-summary-list__row", new() { HasText = "Why" }).InnerTextAsync();
        why.Should().Contain(name).And.Contain(reason).And.Contain("nothing was loaded");
        (await page.Locator("#records-loaded").InnerTextAsync()).Should().Be("0");
        await browser.ShouldBeCleanAsync();

        ChildCount().Should().Be(before, "a refused file changes nothing");
        using var after = Server.Database.Open();
        (await after.ImportRecords.CountAsync()).Should().Be(imports + 1, "the refusal is recorded");
        (await after.ImportRecords.OrderByDescending(r => r.Id).FirstAsync()).Outcome.Should().Be(ImportOutcome.Refused);
    }

    [BrowserFact]
    public async Task AFileOfTheWrongKindOrNoFileIsShownInTheErrorSummaryLinkedToTheControl()
    {
        var before = ChildCount();
        await using var browser = await chromium.NewPageAsync(Server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("performance");
        await page.GotoAsync("/data");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load the file" }).ClickAsync();
        await page.Locator(".govuk-error-summary").WaitForAsync();
        (await page.Locator(".govuk-error-summary__list a").InnerTextAsync()).Should().Be("Select a file to upload.");
        (await page.TitleAsync()).Should().StartWith("Error: ");
        ForgetTheBadRequest(browser); // the form comes back as 400 Bad Request
        await browser.ShouldBeCleanAsync();

        await page.GetByLabel("The file", new() { Exact = true }).SetInputFilesAsync(new FilePayload
        {
            Name = "children.csv", MimeType = "text/csv", Buffer = "LAchildID\nC0000001\n"u8.ToArray(),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Load the file" }).ClickAsync();
        await page.WaitForLoadStateAsync();
        var link = page.Locator(".govuk-error-summary__list a");
        (await link.InnerTextAsync()).Should().Be("The selected file must be a .xml file.");
        (await link.GetAttributeAsync("href")).Should().Be("#upload");
        (await page.Locator(".govuk-form-group--error .govuk-error-message").InnerTextAsync()).Should().Contain("The selected file must be a .xml file.");
        await link.ClickAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.id")).Should().Be("upload", "the summary's link takes the user to the control");
        ForgetTheBadRequest(browser);
        await browser.ShouldBeCleanAsync();
        ChildCount().Should().Be(before);
    }

    [BrowserFact]
    public async Task ACensusCanBeUploadedWithTheKeyboardAlone()
    {
        var census = WriteCensus("K1", out var written, duplicateLast: false);
        var before = ChildCount();
        await using var browser = await chromium.NewPageAsync(Server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("performance");
        await page.GotoAsync("/data");

        // From the top of the page, Tab to the file control, choose the file from it, Tab to the button and press it.
        var presses = 0;
        while (await FocusedAsync(page) != "INPUT:upload")
        {
            (++presses).Should().BeLessThan(60, "the file control is reached with Tab");
            await page.Keyboard.PressAsync("Tab");
        }

        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(census);
        await page.Keyboard.PressAsync("Tab");
        (await FocusedAsync(page)).Should().Be("BUTTON:Load the file");
        await page.Keyboard.PressAsync("Enter");

        await browser.ArriveAsync(ImportReport, 60_000, ImportJobsLog);
        (await page.Locator("#import-summary .govuk-tag").InnerTextAsync()).Should().Be("Loaded");
        (await page.Locator("#records-loaded").InnerTextAsync()).Should().Be(written.ToString("N0", CultureInfo.InvariantCulture));
        ChildCount().Should().Be(before + written);
    }

    private static readonly Regex ImportReport = new(@"/data/imports/\d+$");

    /// <summary>What the server logged of its import jobs, for a failure's message.</summary>
    private string ImportJobsLog() =>
        "The server's import jobs: " + string.Join(" | ", Server.Log.Messages.Where(m => m.Contains("ImportJobs", StringComparison.Ordinal)).TakeLast(5));

    /// <summary>A CIN census of 40 of the generated council's children, renamed so that every one is new to the
    /// database (identifiers starting <paramref name="prefix"/>); with <paramref name="duplicateLast"/> the last child
    /// repeats the one before's identifier, which the importer rejects.</summary>
    private string WriteCensus(string prefix, out int written, bool duplicateLast)
    {
        var path = Path.Combine(Server.DataFolder, $"census-{prefix.ToLowerInvariant()}.xml");
        var number = 0;
        var children = new CouncilGenerator(CouncilSize.Small, seed: 7, children: 600).Children().Skip(100).Take(40)
            .Select(child =>
            {
                child.LAChildId = $"{prefix}{++number:D6}";
                return child;
            });
        written = CinCensusWriter.Write(children, path, 2026, CouncilGenerator.CouncilCode).ChildrenWritten;
        written.Should().BeGreaterThan(2);
        if (duplicateLast)
        {
            var xml = XDocument.Load(path, LoadOptions.PreserveWhitespace);
            var ids = xml.Descendants().Where(e => e.Name.LocalName == "LAchildID").ToList();
            ids[^1].Value = ids[^2].Value;
            xml.Save(path, SaveOptions.DisableFormatting);
        }

        return path;
    }

    /// <summary>A form sent back with its errors has the status 400, which the browser also reports on its console.</summary>
    private static void ForgetTheBadRequest(BrowserPage browser) =>
        browser.Errors.RemoveAll(e => e.StartsWith("400 ", StringComparison.Ordinal) || e.Contains("status of 400 (Bad Request)", StringComparison.Ordinal));

    private static string First(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"the census has {find}");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    private int ChildCount()
    {
        using var db = Server.Database.Open();
        return db.Children.Count();
    }

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.tagName + ':' + (e.tagName === 'BUTTON' ? e.textContent.trim() : e.id); }");
}

/// <summary>The Annex A workbook downloaded through the Data page in Chromium, read back with Sightline's own
/// workbook reader and checked against the council's records as at the chosen date; and the roles that may not
/// load or download refused in the browser.</summary>
[Collection("web")]
public sealed class AnnexABrowserTests(CouncilServer server, Chromium chromium)
{
    [BrowserFact]
    public async Task APerformanceOfficerDownloadsAnnexAAsAtADateWithEachListsRowsAndTheDownloadIsLogged()
    {
        var asAt = new DateOnly(2026, 6, 30);
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("performance");
        await page.GotoAsync("/data");
        await page.GetByLabel("As at", new() { Exact = true }).FillAsync("2026-06-30");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download Annex A" }).ClickAsync());
        download.SuggestedFilename.Should().Be("annex-a-2026-06-30.xlsx");
        var folder = Directory.CreateTempSubdirectory("sightline-annex-a-test-");
        try
        {
            var path = Path.Combine(folder.FullName, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            var workbook = AnnexAWorkbookReader.Read(path);
            var read = workbook.Sheets.ToDictionary(s => s.List.Number, s => s.Rows.Count);

            using var db = server.Database.Open();
            var expected = AnnexAExporter.Rows(db, asAt).ToDictionary(l => l.List.Number, l => l.Rows.Count);
            expected.Keys.Should().Equal(Enumerable.Range(1, 11));
            read.Should().Equal(expected);

            // Two lists counted straight from the tables: contacts and referrals in the six months to the date.
            var after = asAt.AddMonths(-6);
            read[1].Should().Be(db.Contacts.Count(c => c.Date > after && c.Date <= asAt)).And.BePositive();
            read[3].Should().Be(db.CinEpisodes.Count(e => e.ReferralDate > after && e.ReferralDate <= asAt)).And.BePositive();

            server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "performance" && e.Action == AccessAction.Export && e.Allowed
                && e.Record == "Annex A workbook as at 2026-06-30" && e.Detail!.Contains($"{AnnexASchema.List(1).SheetName}: {read[1]};"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [BrowserTheory]
    [InlineData("social.worker")]
    [InlineData("team.manager")]
    [InlineData("senior.leader")]
    public async Task ARoleThatMayNotLoadFilesIsRefusedTheDataPage(string account)
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync(account);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Data", Exact = true }).CountAsync()).Should().Be(0, "the menu offers only what the role may open");
        var response = await page.GotoAsync("/data");
        response!.Status.Should().Be(403);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("You cannot see this page");
        (await page.Locator("input[type=file]").CountAsync()).Should().Be(0);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == account && e.Record == "Page /data" && !e.Allowed);
    }

    [BrowserFact]
    public async Task AnAdministratorMayLoadFilesButIsRefusedAnnexAWhichListsChildren()
    {
        await using var browser = await chromium.NewPageAsync(server.BaseAddress);
        var page = browser.Page;
        await browser.SignInAsync("administrator");
        await page.GotoAsync("/data");
        (await page.GetByLabel("The file", new() { Exact = true }).CountAsync()).Should().Be(1);
        (await page.GetByRole(AriaRole.Button, new() { Name = "Download Annex A" }).CountAsync()).Should().Be(0);
        (await page.Locator("#annex-a + p").InnerTextAsync()).Should().Contain("only a role that sees every child");
        await browser.ShouldBeCleanAsync();

        var response = await page.GotoAsync("/data/annexa?as-at=2026-06-30");
        response!.Status.Should().Be(403);
        (await page.Locator("h1").InnerTextAsync()).Should().Be("You cannot see this page");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "administrator" && e.Action == AccessAction.Export && !e.Allowed
                                                                     && e.Record == "Annex A workbook as at 2026-06-30");
    }
}
