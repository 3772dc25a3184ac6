namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline bench engine</c> as a user runs it, on a tiny council: it generates the council once, measures
/// in processes of its own, and prints its table. The figures are not judged here: the benchmark is for a quiet machine.</summary>
public sealed class BenchEngineCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    public void Dispose() => _sightline.Dispose();

    [Fact]
    public void The_engine_benchmark_has_help()
    {
        var (exit, output, _) = _sightline.Run("bench", "engine", "--help");
        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain("--size").And.Contain("--as-at").And.Contain("--runs").And.NotContain("--measure");
    }

    [Fact]
    public void The_engine_benchmark_generates_the_council_once_then_measures_it_run_by_run()
    {
        var database = Path.Combine(_sightline.Home, "bench", "tiny.db");

        var (exit, output, error) = _sightline.Run("bench", "engine", "--size", "small", "--children", "300", "--runs", "2", "--database", database, "--detail");

        exit.Should().Be(0, error);
        output.Should().Contain("Generating the small council (seed 1)").And.Contain("logical processors").And.Contain("GiB memory")
            .And.Contain("300 children").And.Contain("| run | load s | load cpu s | alerts s | indicators s | supervision s |");
        output.Split('\n').Should().Contain(l => l.StartsWith("| 1 |", StringComparison.Ordinal)).And.Contain(l => l.StartsWith("| 2 |", StringComparison.Ordinal));
        output.Should().MatchRegex(@"Every run found the same results: [\d,]+ alerts, [\d,]+ indicator values and [\d,]+ lines of supervision compliance, fingerprint [0-9A-F]{16} \(supervision compliance [0-9A-F]{16}\)\.");
        output.Should().Contain("| Visits |").And.Contain("| rule cp-visit-overdue |").And.Contain("| rule supervision-overdue |").And.Contain("| indicator re-referrals |")
            .And.Contain("| every rule (alerts) |").And.Contain("| supervision compliance |");
        File.Exists(database).Should().BeTrue();

        var (again, secondOutput, secondError) = _sightline.Run("bench", "engine", "--runs", "1", "--database", database);
        again.Should().Be(0, secondError);
        secondOutput.Should().Contain("Using the council already in").And.NotContain("Generating");
        Fingerprint(secondOutput).Should().Be(Fingerprint(output), "the same council as at the same date gives the same results");
        ComplianceFingerprint(secondOutput).Should().NotBeEmpty().And.Be(ComplianceFingerprint(output), "and the same lines of supervision compliance");
    }

    private static string ComplianceFingerprint(string output) =>
        System.Text.RegularExpressions.Regex.Match(output, @"\(supervision compliance ([0-9A-F]{16})\)").Groups[1].Value;

    private static string Fingerprint(string output) => System.Text.RegularExpressions.Regex.Match(output, "fingerprint ([0-9A-F]{16})").Groups[1].Value;
}
