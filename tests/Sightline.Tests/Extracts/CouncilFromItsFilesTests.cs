using Sightline.Cli.Generation;
using Sightline.Cli.Importing;
using Sightline.Model;
using Sightline.Storage;
using Sightline.Storage.Extracts;

namespace Sightline.Tests.Extracts;

/// <summary>A whole council loaded from its files alone, through the real importers: the census files first, then
/// every extract in the documented order.</summary>
public sealed class CouncilFromItsFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-files-").FullName;

    [Fact]
    public void EveryCensusLoadsWholeAndTheOnlyExtractRowsRejectedBelongToPlansNoCensusCarries()
    {
        var end = new DateOnly(2026, 3, 31);
        var files = Path.Combine(_folder, "files");
        Directory.CreateDirectory(files);
        CouncilFiles.Write(() => new CouncilGenerator(CouncilSize.Small, seed: 2, end: end, children: 600), files, null);

        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "from-files.db"));
        database.Migrate();
        foreach (var census in Directory.GetFiles(files, "cin-census-*.xml").Order(StringComparer.Ordinal))
        {
            CinCensusImport.Run(database, census, "tester").Record.RecordsRejected.Should().Be(0, $"{Path.GetFileName(census)} is the generator's own census");
        }

        var rejected = new List<ImportRejection>();
        foreach (var kind in CsvExtracts.Names)
        {
            var path = Path.Combine(files, $"{kind}.csv");
            var record = ImportLog.Run(database, $"csv:{kind}", path, "tester", db => CsvExtracts.Load(db, kind, path));
            rejected.AddRange(record.Rejections);
        }

        using var db = database.Open();
        db.Visits.Should().NotBeEmpty();
        db.Allocations.Should().NotBeEmpty();
        db.SupervisionSessions.Should().NotBeEmpty();

        // Child in need plans ended before April 2021 are in no census (CINPlanDates arrived in the 2021-22 schema):
        // their actions and contingency flags are the only rows the database cannot take.
        rejected.Should().OnlyContain(r => r.Reason.StartsWith("No child in need plan starting on this date", StringComparison.Ordinal));
        var cinPlanStarts = rejected.Select(r => r.Line).Count();
        cinPlanStarts.Should().BeLessThan(db.PlanActions.Count() / 10);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
