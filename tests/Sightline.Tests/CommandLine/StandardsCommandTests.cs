using System.Text.Json;
using System.Text.RegularExpressions;
using Sightline.Model;
using Sightline.Oversight;
using Sightline.Storage;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline standards</c> and <c>sightline standards set</c> through the real executable, and
/// <c>sightline alerts</c> judging each date under the version in force on it.</summary>
public sealed class StandardsCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string Database => Path.Combine(_sightline.Home, "council.db");

    /// <summary>A council with one child on a child protection plan from Monday 16 June 2025, seen on visits on
    /// Monday 4 August and Monday 8 September 2025.</summary>
    private void CouncilWithOneChildOnAPlan()
    {
        var database = SightlineDatabase.SqliteFile(Database);
        database.Migrate();
        using var db = database.Open();
        db.Councils.Add(new Council { Code = "999", Name = "Testshire", ChildPopulation = 50_000 });
        var episode = new CinEpisode { ReferralDate = new DateOnly(2025, 6, 2) };
        episode.ChildProtectionPlans.Add(new ChildProtectionPlan { StartDate = new DateOnly(2025, 6, 16), InitialCategory = "NEG", LatestCategory = "NEG" });
        var child = new Child { LAChildId = "C100", DateOfBirth = new DateOnly(2016, 2, 1), CinEpisodes = [episode] };
        child.Visits.Add(new Visit { Date = new DateOnly(2025, 8, 4), ChildSeen = true, Kind = VisitKind.ChildProtection });
        child.Visits.Add(new Visit { Date = new DateOnly(2025, 9, 8), ChildSeen = true, Kind = VisitKind.ChildProtection });
        db.Children.Add(child);
        db.SaveChanges();
    }

    private (int Exit, string Output, string Error) Run(params string[] args) => _sightline.Run([.. args, "--database", Database]);

    private List<(string Due, int Overdue)> CpVisitAlerts(string asAt)
    {
        var (exit, output, error) = Run("alerts", "--as-at", asAt, "--kind", "cp-visit-overdue", "--format", "json");
        exit.Should().Be(0, error);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("alerts").EnumerateArray().Select(a => (a.GetProperty("due").GetString()!, a.GetProperty("overdue").GetInt32())).ToList();
    }

    private JsonElement Standards(string asAt)
    {
        var (exit, output, error) = Run("standards", "--as-at", asAt, "--format", "json");
        exit.Should().Be(0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static int InForce(JsonElement standards, string name) =>
        standards.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("inForce").GetInt32();

    [Fact]
    public void EverySettingHasAnOptionWithHelp()
    {
        var (exit, output, _) = _sightline.Run("standards", "set", "--help");
        exit.Should().Be(0);
        foreach (var setting in LocalStandards.Settings)
        {
            output.Should().Contain($"--{setting.Name} <N>").And.Contain(setting.Meaning);
        }

        var show = _sightline.Run("standards", "--help");
        show.Output.Should().Contain("--as-at").And.Contain("--format").And.Contain("set");
        _sightline.Run("--help").Output.Should().Contain("standards");
    }

    [Fact]
    public void AChangedCpVisitStandardChangesTheAlertsFromItsDateOnly()
    {
        CouncilWithOneChildOnAPlan();

        // Under the default 10 working days: seen Monday 8 September, due Monday 22 September, 2 days late on Wednesday 24.
        CpVisitAlerts("2025-09-24").Should().Equal(("2025-09-22", 2));

        var (exit, output, error) = Run("standards", "set", "--from", "2025-09-01", "--cp-visit-working-days", "15");
        exit.Should().Be(0, error);
        output.Should().Contain("1 September 2025").And.Contain("a new version").And.Contain("cp-visit-working-days");

        // Under 15 from 1 September: due Monday 29 September, so nothing on the 24th and 2 days late on Wednesday 1 October.
        CpVisitAlerts("2025-09-24").Should().BeEmpty();
        CpVisitAlerts("2025-10-01").Should().Equal(("2025-09-29", 2));

        // Friday 22 August is before the change, so still 10: seen Monday 4 August, due Monday 18 August, 4 days late.
        // (Under 15 it would have been due Tuesday 26 August, after the bank holiday, and not late.)
        CpVisitAlerts("2025-08-22").Should().Equal(("2025-08-18", 4));
    }

    [Fact]
    public void TheStandardsShowEveryVersionAndTheOneInForceOnTheDate()
    {
        CouncilWithOneChildOnAPlan();
        var none = Standards("2025-09-01");
        none.GetProperty("inForceFrom").ValueKind.Should().Be(JsonValueKind.Null);
        none.GetProperty("versions").GetArrayLength().Should().Be(0);
        none.GetProperty("settings").GetArrayLength().Should().Be(LocalStandards.Settings.Count);
        InForce(none, "cp-visit-working-days").Should().Be(10);

        Run("standards", "set", "--from", "2025-09-01", "--cp-visit-working-days", "15").Exit.Should().Be(0);
        Run("standards", "set", "--from", "2026-01-05", "--cin-visit-working-days", "25").Exit.Should().Be(0);

        var before = Standards("2025-08-31");
        before.GetProperty("inForceFrom").ValueKind.Should().Be(JsonValueKind.Null);
        InForce(before, "cp-visit-working-days").Should().Be(10);

        var autumn = Standards("2025-12-31");
        autumn.GetProperty("inForceFrom").GetString().Should().Be("2025-09-01");
        (InForce(autumn, "cp-visit-working-days"), InForce(autumn, "cin-visit-working-days")).Should().Be((15, 20));

        var later = Standards("2026-02-01");
        (InForce(later, "cp-visit-working-days"), InForce(later, "cin-visit-working-days")).Should().Be((15, 25), "the January version copies September's CP visits");
        var versions = later.GetProperty("versions").EnumerateArray().ToList();
        versions.Select(v => (v.GetProperty("from").GetString(), v.GetProperty("inForce").GetBoolean())).Should().Equal(("2025-09-01", false), ("2026-01-05", true));
        versions.Should().OnlyContain(v => v.GetProperty("recordedBy").GetString()!.EndsWith(", sightline standards set"));

        var (exit, table, error) = Run("standards", "--as-at", "2025-12-31");
        exit.Should().Be(0, error);
        Regex.Replace(table, @"\s+", " ").Should().Contain("version from 1 September 2025 is in force").And.Contain("cp-visit-working-days 10 → 15").And.Contain("cin-visit-working-days 20 → 25")
            .And.Contain("from 1 September 2025 (in force)").And.Contain("from 5 January 2026:").And.Contain("15 working days");
    }

    [Fact]
    public void SettingTheSameDateAgainReplacesThatVersion()
    {
        CouncilWithOneChildOnAPlan();
        Run("standards", "set", "--from", "2025-09-01", "--cp-visit-working-days", "15").Exit.Should().Be(0);
        var (exit, output, error) = Run("standards", "set", "--from", "2025-09-01", "--cin-visit-working-days", "25", "--cp-visit-working-days", "12");
        exit.Should().Be(0, error);
        output.Should().Contain("replacing");

        var shown = Standards("2025-09-01");
        shown.GetProperty("versions").GetArrayLength().Should().Be(1);
        (InForce(shown, "cp-visit-working-days"), InForce(shown, "cin-visit-working-days")).Should().Be((12, 25));
    }

    [Theory]
    [InlineData("--cp-visit-working-days 0", "cp-visit-working-days must be from 1 to 30 (working days), not 0.")]
    [InlineData("--cp-visit-working-days -3", "cp-visit-working-days must be from 1 to 30 (working days), not -3.")]
    [InlineData("--cin-plan-review-months 120", "cin-plan-review-months must be from 1 to 12 (months), not 120.")]
    [InlineData("--caseload-warning 22", "caseload-warning (22) must not be above caseload-ceiling (20).")]
    [InlineData("--cp-visit-working-days ten", "--cp-visit-working-days expects a whole number of working days, not 'ten'.")]
    [InlineData("", "Give at least one setting to change, for example --cp-visit-working-days")]
    public void ABadValueIsRefusedInOneLineAndNothingIsRecorded(string settings, string message)
    {
        CouncilWithOneChildOnAPlan();
        var (exit, _, error) = Run(["standards", "set", "--from", "2025-09-01", .. settings.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        exit.Should().Be(1);
        error.Should().Contain(message).And.NotContain("   at ");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(line => line.Contains(message));
        Standards("2025-09-01").GetProperty("versions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void ADatabaseWithNoCouncilIsRefused()
    {
        var (exit, _, error) = Run("standards", "set", "--from", "2025-09-01", "--cp-visit-working-days", "15");
        exit.Should().Be(1);
        error.Trim().Should().StartWith("Error: The database holds no council yet").And.NotContain("\n");
        InForce(Standards("2025-09-01"), "cp-visit-working-days").Should().Be(10);
    }

    public void Dispose() => _sightline.Dispose();
}
