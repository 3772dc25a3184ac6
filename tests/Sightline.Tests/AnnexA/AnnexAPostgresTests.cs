using Sightline.Cli.AnnexA;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Tests.Postgres;

namespace Sightline.Tests.AnnexA;

/// <summary>Annex A import and export on PostgreSQL give what they give on SQLite.</summary>
[Collection("postgres")]
public sealed class AnnexAPostgresTests(PostgresServer postgres) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-annexa-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [PostgresFact]
    public void ACouncilsWorkbookRoundTripsOnPostgres()
    {
        var database = new SightlineDatabase(DatabaseProvider.Postgres, postgres.CreateDatabase($"annexa_{Guid.NewGuid():N}"));
        var workbook = AnnexARoundTripTests.CouncilWorkbook(_folder);
        AnnexAImporter.Import(database, workbook, AnnexARoundTripTests.AsAt, "test").Outcome.Should().Be(ImportOutcome.Loaded);
        AnnexAImporter.Import(database, workbook, AnnexARoundTripTests.AsAt, "test").Outcome.Should().Be(ImportOutcome.Loaded);

        var exported = Path.Combine(_folder, "out.xlsx");
        AnnexAExporter.Export(database, AnnexARoundTripTests.AsAt, exported);
        var rows = AnnexARoundTripTests.Rows(exported);
        foreach (var (sheet, expected) in AnnexARoundTripTests.Expected)
        {
            rows[sheet].Should().Equal(expected.Order(StringComparer.Ordinal), sheet);
        }
    }
}
