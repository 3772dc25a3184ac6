using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli.Generation;
using Sightline.Formats.CinCensus;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Web.Tests;

/// <summary>A server of its own for the tests that change the council's records (an upload, a version of the local
/// standards), so that the shared server's records stay as the other tests expect.</summary>
[CollectionDefinition("web-changes")]
public sealed class ChangesCollection : ICollectionFixture<ChangingCouncil>, ICollectionFixture<Chromium>;

public sealed class ChangingCouncil : IAsyncLifetime
{
    public CouncilServer Server { get; } = new();

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Who may open the Rules, Data and Settings pages, and the Annex A download.</summary>
[Collection("web")]
public sealed class RulesAndDataAccessTests(CouncilServer server)
{
    [Theory]
    [InlineData("social.worker", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("team.manager", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("senior.leader", HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("performance", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("administrator", HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK)]
    public async Task EachRoleOpensRulesAndOnlyItsOwnOfDataAndSettings(string account, HttpStatusCode rules, HttpStatusCode data, HttpStatusCode settings)
    {
        using var client = await server.SignedIn(account);
        (await client.GetAsync("/rules")).StatusCode.Should().Be(rules);
        (await client.GetAsync("/data")).StatusCode.Should().Be(data);
        (await client.GetAsync("/settings")).StatusCode.Should().Be(settings);
        if (data == HttpStatusCode.Forbidden)
        {
            server.AccessLog().Should().Contain(e => e.UserName == account && e.Record == "Page /data" && !e.Allowed);
        }
    }

    [Fact]
    public async Task TheRulesPageShowsEveryRuleAndIndicatorFromTheCatalogue()
    {
        using var client = await server.SignedIn("social.worker");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/rules"));
        foreach (var rule in RuleCatalogue.ChildRules.Select(r => r.Info))
        {
            html.Should().Contain(rule.Definition).And.Contain(rule.ClearsWhen).And.Contain($"id=\"rule-{rule.Id}\"");
        }

        foreach (var indicator in IndicatorCatalogue.All.Select(i => i.Info))
        {
            html.Should().Contain(indicator.Definition);
        }

        foreach (var setting in LocalStandards.Settings)
        {
            html.Should().Contain($"data-setting=\"{setting.Name}\">{setting.Default}<");
        }
    }

    [Fact]
    public async Task APerformanceOfficerDownloadsAnnexAAsAWorkbookOfListsAndTheExportIsLogged()
    {
        using var client = await server.SignedIn("performance");
        var response = await client.GetAsync("/data/annexa?as-at=2026-10-31");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        using var reader = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open());
        var workbook = await reader.ReadToEndAsync();
        workbook.Should().Contain("List 1").And.Contain("List 11");
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "performance" && e.Action == AccessAction.Export
                                                                       && e.Record == "Annex A workbook as at 2026-10-31" && e.Allowed);
    }

    [Fact]
    public async Task AnAdministratorWhoSeesNoChildIsRefusedAnnexAAndTheRefusalIsLogged()
    {
        using var client = await server.SignedIn("administrator");
        (await client.GetAsync("/data/annexa?as-at=2026-10-31")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        server.AccessLog().First().Should().Match<AccessLogEntry>(e => e.UserName == "administrator" && e.Action == AccessAction.Export && !e.Allowed);
    }
}

/// <summary>Uploading a file and recording local standards, on a server of their own.</summary>
[Collection("web-changes")]
public sealed class DataAndSettingsTests(ChangingCouncil council)
{
    private CouncilServer Server => council.Server;

    [Fact]
    public async Task AnUploadedCensusIsImportedInTheBackgroundAndItsReportShown()
    {
        var file = Path.Combine(Server.DataFolder, "census-2026.xml");
        var generator = new CouncilGenerator(CouncilSize.Small, seed: 7, children: 600);
        var written = CinCensusWriter.Write(generator.Children().Take(60), file, 2026, CouncilGenerator.CouncilCode).ChildrenWritten;
        written.Should().BePositive();

        using var client = await Server.SignedIn("performance");
        var form = await client.GetStringAsync("/data");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(CouncilServer.Token(form)), "__RequestVerificationToken" },
            { new StringContent("cin"), "Kind" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(file)), "Upload", "census-2026.xml" },
        };
        var posted = await client.PostAsync("/data", content);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var job = posted.Headers.Location!.OriginalString;
        job.Should().StartWith("/data/jobs/");

        for (var i = 0; i < 120; i++)
        {
            var status = JsonDocument.Parse(await client.GetStringAsync($"{job}/status")).RootElement;
            if (status.GetProperty("finished").GetBoolean())
            {
                break;
            }

            await Task.Delay(500);
        }

        var finished = await client.GetAsync(job);
        finished.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var report = finished.Headers.Location!.OriginalString;
        using var db = Server.Database.Open();
        var record = await db.ImportRecords.OrderByDescending(r => r.Id).FirstAsync();
        report.Should().Be($"/data/imports/{record.Id}");
        record.ImportedBy.Should().Be("performance");
        record.FileName.Should().Be("census-2026.xml");
        record.Outcome.Should().Be(ImportOutcome.Loaded);
        record.RecordsLoaded.Should().Be(written);
        var html = await client.GetStringAsync(report);
        html.Should().Contain("Loaded").And.Contain($"id=\"records-loaded\">{written}<");

        // Another account does not see the job.
        using var other = await Server.SignedIn("administrator");
        (await other.GetAsync(job)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnUploadWithoutAFileOrOfTheWrongKindIsRefusedWithTheErrorSummary()
    {
        using var client = await Server.SignedIn("administrator");
        var form = await client.GetStringAsync("/data");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(CouncilServer.Token(form)), "__RequestVerificationToken" },
            { new StringContent("annex-a"), "Kind" },
            { new ByteArrayContent("a,b\n"u8.ToArray()), "Upload", "workers.csv" },
        };
        var response = await client.PostAsync("/data", content);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("govuk-error-summary").And.Contain("The selected file must be a .xlsx file.").And.Contain("Enter the date the workbook is as at");

        using var forged = new MultipartFormDataContent { { new StringContent("cin"), "Kind" } };
        (await client.PostAsync("/data", forged)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnAdministratorRecordsAVersionOfTheLocalStandardsAndAnOutOfRangeValueIsShownAsAnError()
    {
        using var client = await Server.SignedIn("administrator");
        var form = await client.GetStringAsync("/settings");
        var bad = await client.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CouncilServer.Token(form),
            ["from-day"] = "1", ["from-month"] = "4", ["from-year"] = "2027",
            ["setting[cp-visit-working-days]"] = "100",
        }));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary")
            .And.Contain("cp-visit-working-days must be from 1 to 30 (working days), not 100.");

        var good = await client.PostAsync("/settings", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CouncilServer.Token(form),
            ["from-day"] = "1", ["from-month"] = "4", ["from-year"] = "2027",
            ["setting[cp-visit-working-days]"] = "8",
        }));
        good.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var db = Server.Database.Open();
        var version = LocalStandardsStore.Versions(db).Single(v => v.EffectiveFrom == new DateOnly(2027, 4, 1));
        version.RecordedBy.Should().Be("administrator, settings page");
        version.ToStandards().CpVisitWorkingDays.Should().Be(8);
        version.ToStandards().CinVisitWorkingDays.Should().Be(LocalStandards.Defaults.CinVisitWorkingDays);
        Server.Council.Snapshot.Standards.InForceOn(new DateOnly(2027, 4, 1)).CpVisitWorkingDays.Should().Be(8, "the council is loaded again");
        (await client.GetStringAsync("/settings")).Should().Contain("Recorded a version from 1 April 2027: cp-visit-working-days 10 to 8.");
    }
}
