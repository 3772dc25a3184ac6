using Sightline.Calendar;
using Sightline.Cli.Commands;
using Sightline.Cli.Generation;
using Sightline.Oversight;
using Sightline.Storage;
using Sightline.Testing;

namespace Sightline.Tests.Oversight;

/// <summary>The alerts and indicators of the medium synthetic council (the demonstration council, seed 1) as at 31 October 2026, from the database
/// through the snapshot loader and the engine, are the ones recorded in <c>medium-council-seed-1.txt</c>. Making the
/// engine or the loader faster must not change a single alert or value; a change to a rule or an indicator's
/// definition changes its lines, and the file is then written again from the test's output, read, and committed
/// with the change. Rules and indicators the file does not name yet (new ones) are not compared.</summary>
public sealed class OversightResultsTests : IDisposable
{
    private static readonly DateOnly AsAt = new(2026, 10, 31);
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-results-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static string ExpectedFile => Path.Combine(SharedData.RepositoryRoot, "tests", "Sightline.Tests", "Oversight", "medium-council-seed-1.txt");

    [Fact]
    public void The_medium_council_gives_the_recorded_alerts_and_indicators()
    {
        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "medium.db"));
        new CouncilGenerator(CouncilSize.Medium, seed: 1).WriteTo(database);

        var snapshot = SnapshotLoader.Load(database);
        var report = OversightEngine.Alerts(snapshot, snapshot.On(AsAt, WorkingDayCalendar.England));
        var year = Period.YearTo(AsAt);
        var values = IndicatorsCommand.Compute(snapshot, WorkingDayCalendar.England, [year, .. year.Months()]);
        var actual = OversightResults.Lines(report, values);

        var written = Path.Combine(Path.GetTempPath(), "sightline-medium-council-seed-1.txt");
        File.WriteAllLines(written, actual);
        var expected = File.ReadAllLines(ExpectedFile);
        var known = expected.Select(Subject).ToHashSet(StringComparer.Ordinal);
        actual.Where(line => known.Contains(Subject(line))).Should().Equal(expected.Where(line => Subject(line) is var id && actual.Any(a => Subject(a) == id)),
            $"the engine's results must not change; if a definition changed on purpose, read {written} and copy it over {ExpectedFile}");
        report.Alerts.Should().HaveCountGreaterThan(1_000, "the medium council has alerts of most kinds to compare");
        actual.Where(line => line.StartsWith("alerts ", StringComparison.Ordinal) && line.Split(" ")[2] == "0").Should().HaveCountLessThan(3, "nearly every rule fires somewhere in the medium council");
    }

    /// <summary>What a line is about: "alerts cp-visit-overdue", "indicator re-referrals".</summary>
    private static string Subject(string line) => string.Join(' ', line.Split(' ').Take(2));
}
