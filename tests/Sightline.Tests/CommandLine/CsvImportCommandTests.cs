using System.Text;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Tests.CommandLine;

/// <summary><c>sightline import csv</c> and <c>sightline generate --extracts</c>, run as a user runs them.</summary>
public sealed class CsvImportCommandTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    private string InHome(string name) => Path.Combine(_sightline.Home, name);

    /// <summary>A council of 200 children in a database, with its files beside it.</summary>
    private (string Database, string Files) Council()
    {
        var database = InHome("council.db");
        var files = InHome("files");
        var (exit, output, error) = _sightline.Run("generate", "--children", "200", "--seed", "5", "--database", database, "--extracts", files);
        exit.Should().Be(0, error);
        output.Should().Contain("cin-census-2026.xml").And.Contain("visits.csv").And.Contain("Wrote the council's files");
        return (database, files);
    }

    [Theory]
    [InlineData(new[] { "import" }, "csv")]
    [InlineData(new[] { "import", "csv" }, "supervision-actions")]
    [InlineData(new[] { "import", "csv" }, "--rejections")]
    [InlineData(new[] { "generate" }, "--extracts")]
    public void TheCommandsHaveHelp(string[] command, string mentions)
    {
        var (exit, output, _) = _sightline.Run([.. command, "--help"]);
        exit.Should().Be(0);
        output.Should().Contain("Usage:").And.Contain(mentions);
    }

    [Fact]
    public void GenerateWritesEveryExtractAndTheCensusAndImportingThemAgainChangesNothing()
    {
        var (database, files) = Council();
        foreach (var kind in CsvExtracts.Names)
        {
            File.Exists(Path.Combine(files, $"{kind}.csv")).Should().BeTrue(kind);
        }

        var (exit, output, error) = _sightline.Run("import", "csv", "visits", Path.Combine(files, "visits.csv"), "--database", database);
        exit.Should().Be(0, error);
        output.Should().Contain("Rows read").And.Contain("Unchanged").And.Contain("Loaded visits.csv");
        using var db = SightlineDatabase.SqliteFile(database).Open();
        var record = db.ImportRecords.Single();
        (record.Kind, record.Outcome, record.RecordsRejected).Should().Be(("csv:visits", Model.ImportOutcome.Loaded, 0));
        record.Counts.Should().StartWith("added=0;updated=0;unchanged=");
        record.ImportedBy.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void RejectionsAreShownTwentyAtATimeAndWrittenWholeAndSafeForASpreadsheet()
    {
        var (database, _) = Council();
        var file = InHome("visits.csv");
        var text = new StringBuilder("child_id,visit_date,visit_type,child_seen\n");
        text.Append("C0000001,\u001b[31mred,cp,Y\n");
        for (var i = 0; i < 25; i++)
        {
            text.Append($"X{i:D3},2025-01-06,cp,Y\n");
        }

        text.Append("C0000001,=cmd|' /C calc'!A0,cp,Y\n");
        File.WriteAllText(file, text.ToString());

        var shown = _sightline.Run("import", "csv", "visits", file, "--database", database);
        shown.ExitCode.Should().Be(0, "rows were rejected, and the rest loaded");
        shown.Output.Should().Contain("No child with ID X00").And.Contain("The first 20 of 27 rejections").And.Contain("--rejections");
        shown.Output.Should().Contain("[31mred").And.NotContain("\u001b", "values from the file are printed without control characters");

        var all = InHome("rejections.csv");
        var written = _sightline.Run("import", "csv", "visits", file, "--database", database, "--rejections", all);
        written.ExitCode.Should().Be(0, written.Error);
        written.Output.Should().Contain("Wrote 27 rejections");
        var bytes = File.ReadAllBytes(all);
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "Excel reads the file as UTF-8");
        var lines = File.ReadAllLines(all);
        lines[0].Should().Be("line,record_id,column,value,reason");
        lines.Should().HaveCount(28);
        lines[^1].Should().StartWith("28,C0000001,visit_date,'=cmd|' /C calc'!A0,", "a value a spreadsheet would run is written as text");
    }

    [Fact]
    public void ASpreadsheetIsRefusedWithAMessageAndNoStackTrace()
    {
        var (database, _) = Council();
        var file = InHome("visits.xlsx");
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);

        var (exit, _, error) = _sightline.Run("import", "csv", "visits", file, "--database", database);

        exit.Should().Be(1);
        error.Should().StartWith("Error: visits.xlsx is a spreadsheet").And.Contain("CSV UTF-8").And.NotContain("   at ");
        using var db = SightlineDatabase.SqliteFile(database).Open();
        db.ImportRecords.Single().Outcome.Should().Be(Model.ImportOutcome.Refused);
    }

    [Fact]
    public void AnUnknownKindOrAMissingFileIsRefused()
    {
        var file = InHome("x.csv");
        File.WriteAllText(file, "a\n");
        var unknown = _sightline.Run("import", "csv", "children", file, "--database", InHome("x.db"));
        unknown.ExitCode.Should().NotBe(0);
        (unknown.Output + unknown.Error).Should().Contain("children").And.Contain("visits");

        var missing = _sightline.Run("import", "csv", "visits", InHome("nowhere.csv"), "--database", InHome("x.db"));
        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("nowhere.csv does not exist");
    }

    public void Dispose() => _sightline.Dispose();
}
