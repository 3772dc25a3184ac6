using Sightline.Formats.Tests.CinCensus;
using Microsoft.EntityFrameworkCore;
using Sightline.Storage;

namespace Sightline.Tests.CommandLine;

/// <summary>The <c>sightline</c> executable: help on every command, clear errors with a non-zero exit, and the
/// generate and demo commands doing what they say.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string InHome(string name) => Path.Combine(_sightline.Home, name);

    [Theory]
    [InlineData(new string[0], "generate")]
    [InlineData(new[] { "generate" }, "--database")]
    [InlineData(new[] { "demo" }, "--database")]
    [InlineData(new[] { "migrate" }, "--database")]
    [InlineData(new[] { "serve" }, "--urls")]
    [InlineData(new[] { "users", "add" }, "--role")]
    public void EveryCommandHasHelp(string[] command, string mentions)
    {
        var (exit, output, _) = _sightline.Run([.. command, "--help"]);
        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain(mentions);
    }

    [Fact]
    public void AnUnknownSizeIsRefusedWithAMessage()
    {
        var (exit, output, error) = _sightline.Run("generate", "--size", "enormous", "--database", InHome("x.db"));
        exit.Should().NotBe(0);
        (output + error).Should().Contain("enormous");
        File.Exists(InHome("x.db")).Should().BeFalse();
    }

    [Fact]
    public void AMalformedDateIsRefusedWithAMessage()
    {
        var (exit, output, error) = _sightline.Run("generate", "--to", "31/03/2026", "--database", InHome("x.db"));
        exit.Should().NotBe(0);
        (output + error).Should().Contain("YYYY-MM-DD");
    }

    [Fact]
    public void GenerateFillsTheDatabaseAndWillNotOverwriteItWithoutReplace()
    {
        var database = InHome("council.db");
        var first = _sightline.Run("generate", "--children", "200", "--seed", "4", "--database", database);
        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Generated 200 children");

        var second = _sightline.Run("generate", "--children", "100", "--database", database);
        second.ExitCode.Should().Be(1);
        second.Error.Should().Contain("already holds a council").And.NotContain("   at ", "no stack trace is shown");

        var replaced = _sightline.Run("generate", "--children", "100", "--replace", "--database", database);
        replaced.ExitCode.Should().Be(0, replaced.Error);
        using var db = SightlineDatabase.SqliteFile(database).Open();
        db.Children.Count().Should().Be(100);
    }

    [Fact]
    public void TheDatabaseDefaultsToTheUsersDataFolderOrTheEnvironment()
    {
        _sightline.Run("migrate").ExitCode.Should().Be(0);
        File.Exists(Path.Combine(_sightline.Home, ".local", "share", "sightline", "sightline.db")).Should().BeTrue();

        var elsewhere = InHome("from-environment.db");
        _sightline.Run(new Dictionary<string, string> { ["SIGHTLINE_DATABASE"] = elsewhere }, "migrate").ExitCode.Should().Be(0);
        File.Exists(elsewhere).Should().BeTrue();
    }

    [Fact]
    public void GenerateWritesACensusFileTheSchemaAccepts()
    {
        var file = InHome("cin-2025.xml");
        var (exit, output, error) = _sightline.Run("generate", "--children", "300", "--census-year", "2025", "--output", file);
        exit.Should().Be(0, error);
        output.Should().Contain("Wrote the 2025 CIN census");
        using var xml = File.OpenRead(file);
        CinCensusSchemas.Validate(xml, 2025).Should().BeEmpty();
    }

    [Fact]
    public void ACensusYearOutsideTheSixYearsIsRefused()
    {
        var (exit, _, error) = _sightline.Run("generate", "--census-year", "2018", "--output", InHome("c.xml"));
        exit.Should().Be(1);
        error.Should().Contain("outside the six years");
    }

    [Fact]
    public void ConfiguredBankHolidaysExtendTheCalendar()
    {
        var holidays = InHome("holidays.csv");
        File.WriteAllText(holidays, "date,title\n2028-01-03,New Year's Day (substitute day)\n2028-04-14,Good Friday\n");
        var withoutThem = _sightline.Run("generate", "--children", "50", "--to", "2027-06-30", "--database", InHome("a.db"));
        withoutThem.ExitCode.Should().Be(1);
        withoutThem.Error.Should().Contain("2015–2027");

        var withThem = _sightline.Run(new Dictionary<string, string> { ["SIGHTLINE_BANK_HOLIDAYS"] = holidays },
            "generate", "--children", "50", "--to", "2027-06-30", "--database", InHome("b.db"));
        withThem.ExitCode.Should().Be(0, withThem.Error);
    }

    [Fact]
    public void ABadBankHolidayFileIsReportedByLine()
    {
        var holidays = InHome("holidays.csv");
        File.WriteAllText(holidays, "date,title\n2028-01-03,New Year's Day\n03/04/2028,Good Friday\n");
        var (exit, _, error) = _sightline.Run(new Dictionary<string, string> { ["SIGHTLINE_BANK_HOLIDAYS"] = holidays }, "generate", "--children", "5");
        exit.Should().Be(1);
        error.Should().Contain("line 3").And.Contain("03/04/2028");
    }

    [Fact]
    public async Task DemoCreatesTheDemonstrationCouncilOnceShowsItsAccountsAndServesIt()
    {
        var database = InHome("demo.db");
        var first = _sightline.Run("demo", "--database", database, "--no-serve");
        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain("Generating the demonstration council").And.Contain("15,000").And.Contain("Child protection plans");
        foreach (var account in new[] { "social.worker", "team.manager", "service.manager", "quality.assurance", "performance", "senior.leader", "administrator" })
        {
            first.Output.Should().Contain(account);
        }

        first.Output.Should().Contain("password demonstration");

        using var server = _sightline.Start("demo", "--database", database, "--urls", "http://127.0.0.1:0");
        var address = server.WaitForLine(line => line.Contains("Sightline is running at ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        server.Output.Should().Contain("Using the demonstration council already").And.Contain("as at 31 October 2026");
        // The address as written, whatever surrounds it on the line; the line itself is shown if it holds none.
        var url = System.Text.RegularExpressions.Regex.Match(address, @"http://127\.0\.0\.1:[0-9]{1,5}\b").Value;
        url.Should().NotBeEmpty($"the server names its address, but wrote \"{address}\"");
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        var signIn = await client.GetStringAsync("/sign-in");
        signIn.Should().Contain("Sign in").And.Contain("Demonstration");
    }

    [Theory]
    [InlineData("alerts", "--as-at", "2026-10-31")]
    [InlineData("indicators", "--from", "2025-11-01", "--to", "2026-10-31")]
    [InlineData("supervision", "--from", "2025-11-01", "--to", "2026-10-31")]
    [InlineData("workforce", "--as-at", "2026-10-31")]
    public void ACommandThatReadsTheCouncilBringsTheSchemaUpToDateFirst(params string[] command)
    {
        // A database file that holds no tables yet, as a database made before a new table was added lacks that table.
        var database = Path.Combine(_sightline.Home, $"{command[0]}-empty.db");
        var (exit, _, error) = _sightline.Run([.. command, "--format", "json", "--database", database]);
        error.Should().NotContain("no such table");
        exit.Should().Be(0, error);
        using var db = SightlineDatabase.Parse(database).Open();
        db.Database.GetPendingMigrations().Should().BeEmpty();
    }

    public void Dispose() => _sightline.Dispose();
}

/// <summary><c>sightline alerts</c> on a generated council.</summary>
public sealed class AlertsCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    [Fact]
    public void AlertsAsJsonNameRulesFromTheCatalogueAndEveryAlertExplainsItself()
    {
        var database = Path.Combine(_sightline.Home, "council.db");
        _sightline.Run("generate", "--children", "800", "--database", database).ExitCode.Should().Be(0);
        var (exit, output, error) = _sightline.Run("alerts", "--as-at", "2026-10-31", "--format", "json", "--database", database);
        exit.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var alerts = json.RootElement.GetProperty("alerts").EnumerateArray().ToList();
        alerts.Should().NotBeEmpty();
        var ids = Sightline.Oversight.RuleCatalogue.All.Select(r => r.Info.Id).ToHashSet();
        alerts.Should().OnlyContain(a => ids.Contains(a.GetProperty("rule").GetString()!) && a.GetProperty("explanation").GetString()!.Contains("Clears when"));
    }

    [Fact]
    public void AnUnknownRuleIsRefusedWithTheListOfRules()
    {
        var (exit, _, error) = _sightline.Run("alerts", "--kind", "no-such-rule", "--database", Path.Combine(_sightline.Home, "x.db"));
        exit.Should().Be(1);
        error.Should().Contain("icpc-overdue");
    }

    public void Dispose() => _sightline.Dispose();
}
