using Sightline.Storage;
using Sightline.Tests.CommandLine;

namespace Sightline.Tests.AnnexA;

/// <summary><c>sightline export annex-a</c> and <c>sightline import annex-a</c> as a user runs them.</summary>
public sealed class AnnexACommandLineTests : IDisposable
{
    private readonly SightlineProcess _sightline = new();

    public void Dispose() => _sightline.Dispose();

    private string InHome(string name) => Path.Combine(_sightline.Home, name);

    [Theory]
    [InlineData("import", "annex-a")]
    [InlineData("export", "annex-a")]
    public void BothCommandsHaveHelp(string group, string command)
    {
        var (exit, output, _) = _sightline.Run(group, command, "--help");
        exit.Should().Be(0);
        output.Should().Contain("--as-at").And.Contain("--database").And.Contain(".xlsx");
    }

    [Fact]
    public void ACouncilIsExportedAndImportedIntoAnotherDatabase()
    {
        var council = InHome("council.db");
        _sightline.Run("generate", "--children", "300", "--seed", "2", "--database", council).ExitCode.Should().Be(0);

        var export = _sightline.Run("export", "annex-a", "--as-at", "2026-10-31", "--database", council, InHome("annex-a.xlsx"));
        export.ExitCode.Should().Be(0, export.Error);
        export.Output.Should().Contain("List 6 - Children in Need").And.Contain("Wrote Annex A as at 31 October 2026");

        var import = _sightline.Run("import", "annex-a", InHome("annex-a.xlsx"), "--as-at", "2026-10-31", "--database", InHome("copy.db"));
        import.ExitCode.Should().Be(0, import.Error);
        import.Output.Should().Contain("0 problems reported");
        using var db = SightlineDatabase.SqliteFile(InHome("copy.db")).Open();
        db.ImportRecords.Single().Kind.Should().Be("annex-a");
        db.Children.Should().NotBeEmpty();
    }

    [Fact]
    public void AFileThatIsNotAWorkbookIsRefusedWithAMessage()
    {
        File.WriteAllText(InHome("list.xlsx"), "not a workbook");
        var (exit, _, error) = _sightline.Run("import", "annex-a", InHome("list.xlsx"), "--as-at", "2026-10-31", "--database", InHome("x.db"));
        exit.Should().Be(1);
        error.Should().StartWith("Error: list.xlsx is not an Excel workbook").And.NotContain("   at ");
    }

    [Fact]
    public void TheAsAtDateIsRequired()
    {
        var (exit, output, error) = _sightline.Run("export", "annex-a", "--database", InHome("x.db"), InHome("out.xlsx"));
        exit.Should().NotBe(0);
        (output + error).Should().Contain("--as-at");
    }
}
