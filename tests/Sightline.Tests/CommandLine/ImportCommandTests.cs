using Microsoft.EntityFrameworkCore;
using Sightline.Formats.Tests.CinCensus;
using Sightline.Model;
using Sightline.Storage;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline import cin</c> and <c>sightline bench import</c> as a user runs them: what they print, what they
/// write, and their exit codes.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string InHome(string name) => Path.Combine(_sightline.Home, name);

    [Theory]
    [InlineData(new[] { "import" }, "cin")]
    [InlineData(new[] { "import", "cin" }, "--rejections")]
    [InlineData(new[] { "bench" }, "import")]
    [InlineData(new[] { "bench", "import" }, "--children")]
    public void The_import_and_bench_commands_have_help(string[] command, string mentions)
    {
        var (exit, output, _) = _sightline.Run([.. command, "--help"]);
        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain(mentions);
    }

    [Fact]
    public void Importing_the_samples_loads_them_says_what_was_rejected_and_writes_every_rejection_to_csv()
    {
        var database = InHome("council.db");
        var csv = InHome("rejections.csv");

        var (exit, output, error) = _sightline.Run("import", "cin", CensusXml.Sample("BAR_cin_2022.xml"), CensusXml.Sample("CIN2rows.xml"),
            CensusXml.Sample("CIN_Census_2026.xml"), "--database", database, "--rejections", csv);

        exit.Should().Be(0, error);
        output.Should().Contain("census year 2022").And.Contain("Loaded all 1 children; nothing was rejected")
            .And.Contain("Loaded 2 of 2 children, with rejections").And.Contain("RB");
        var lines = File.ReadAllLines(csv);
        lines[0].Should().Be("file,line,child,element,value,reason");
        lines.Skip(1).Should().HaveCount(5).And.Contain(l => l.StartsWith("CIN_Census_2026.xml,46,DfEX0000001,AssessmentFactors,RB,", StringComparison.Ordinal));
        using var db = SightlineDatabase.SqliteFile(database).Open();
        db.Children.Count().Should().Be(2);
        db.ImportRecords.Select(r => r.ImportedBy).Should().OnlyContain(name => name == Environment.UserName);
    }

    [Fact]
    public void A_refused_file_exits_1_with_one_line_and_the_files_after_it_are_not_loaded()
    {
        var database = InHome("council.db");
        var html = InHome("export.xml");
        File.WriteAllText(html, "<html><body>Your session has expired</body></html>");

        var (exit, output, error) = _sightline.Run("import", "cin", CensusXml.Sample("BAR_cin_2022.xml"), html, CensusXml.Sample("CIN_Census_2026.xml"), "--database", database);

        exit.Should().Be(1);
        error.Should().StartWith("Error: export.xml is a web page (HTML)").And.Contain("1 file(s) after it were not loaded").And.NotContain("   at ");
        output.Should().Contain("Loaded all 1 children");
        using var db = SightlineDatabase.SqliteFile(database).Open();
        db.Children.Select(c => c.LAChildId).Should().Equal("DfEX0000001");
        db.ImportRecords.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Outcome).Should().Equal(ImportOutcome.Loaded, ImportOutcome.Refused);
    }

    [Fact]
    public void A_missing_file_is_reported_before_anything_is_loaded()
    {
        var (exit, _, error) = _sightline.Run("import", "cin", CensusXml.Sample("BAR_cin_2022.xml"), InHome("no-such-census.xml"), "--database", InHome("council.db"));
        exit.Should().Be(1);
        error.Should().Contain("no-such-census.xml was not found: nothing was loaded.");
        File.Exists(InHome("council.db")).Should().BeFalse();
    }

    [Fact]
    public void The_import_benchmark_prints_a_row_per_size()
    {
        var (exit, output, error) = _sightline.Run("bench", "import", "--children", "150,300", "--database-folder", InHome("bench"));

        exit.Should().Be(0, error);
        output.Should().Contain("logical processors").And.Contain("| children | file | import s |");
        output.Split('\n').Should().Contain(l => l.StartsWith("| 150 |", StringComparison.Ordinal)).And.Contain(l => l.StartsWith("| 300 |", StringComparison.Ordinal));
        File.Exists(InHome(Path.Combine("bench", "cin-300.xml"))).Should().BeTrue("a folder given is kept, with the files measured");
    }

    public void Dispose() => _sightline.Dispose();
}
