using Sightline.Model;

namespace Sightline.Storage.Tests;

/// <summary>An import is all or nothing, and leaves a record of itself whatever happens.</summary>
public sealed class ImportLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-import-").FullName;
    private readonly SightlineDatabase _database;
    private readonly string _file;

    public ImportLogTests()
    {
        _database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db"));
        _database.Migrate();
        _file = Path.Combine(_folder, "census.xml");
        File.WriteAllText(_file, "<Message/>");
    }

    [Fact]
    public void ALoadCommitsWithItsRecordAndEveryRejection()
    {
        var record = ImportLog.Run(_database, "cin", _file, "performance.officer", db =>
        {
            db.Children.Add(new Child { LAChildId = "C1" });
            db.SaveChanges();
            return new ImportResult(2, 1, [new ImportProblem(14, "C2", "CINreferralDate", "2023-02-30", "not a date")], [new("children", 1)]);
        });

        record.Outcome.Should().Be(ImportOutcome.LoadedWithRejections);
        using var db = _database.Open();
        db.Children.Single().LAChildId.Should().Be("C1");
        var saved = db.ImportRecords.Single();
        // SHA-256 of the ten bytes "<Message/>", worked out independently of the code under test.
        saved.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("<Message/>"u8)));
        saved.FileName.Should().Be("census.xml");
        saved.ImportedBy.Should().Be("performance.officer");
        saved.Counts.Should().Be("children=1");
        (saved.RecordsRead, saved.RecordsLoaded, saved.RecordsRejected).Should().Be((2, 1, 1));
        var rejection = db.ImportRejections.Single();
        (rejection.Line, rejection.RecordId, rejection.Field, rejection.Value).Should().Be((14, "C2", "CINreferralDate", "2023-02-30"));
    }

    [Fact]
    public void ARefusedFileChangesNothingButIsRecordedWithItsReason()
    {
        var run = () => ImportLog.Run(_database, "cin", _file, "someone", db =>
        {
            db.Children.Add(new Child { LAChildId = "C1" });
            db.SaveChanges();
            throw new FileRefusedException("census.xml is not a CIN census: its root element is Message with no Children.");
        });

        run.Should().Throw<FileRefusedException>();
        using var db = _database.Open();
        db.Children.Should().BeEmpty();
        var saved = db.ImportRecords.Single();
        saved.Outcome.Should().Be(ImportOutcome.Refused);
        saved.Message.Should().Contain("is not a CIN census");
    }

    [Fact]
    public void AnImportThatFailsPartWayChangesNothing()
    {
        var run = () => ImportLog.Run(_database, "csv:workers", _file, "someone", db =>
        {
            db.Children.Add(new Child { LAChildId = "C1" });
            db.SaveChanges();
            throw new InvalidDataException("disk gone");
        });

        run.Should().Throw<InvalidDataException>();
        using var db = _database.Open();
        db.Children.Should().BeEmpty();
        db.ImportRecords.Single().Outcome.Should().Be(ImportOutcome.Failed);
    }

    [Fact]
    public void LongValuesAreCutTo200Characters()
    {
        ImportLog.Run(_database, "cin", _file, "someone", _ => new ImportResult(1, 0, [new ImportProblem(1, null, "Ethnicity", new string('x', 5_000), "unknown code")], []));
        using var db = _database.Open();
        db.ImportRejections.Single().Value.Should().HaveLength(200);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The bulk loader writes into an import's transaction, so bulk-loaded records share its fate.</summary>
public sealed class BulkLoadInsideAnImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-import-bulk-").FullName;

    [Fact]
    public void BulkLoadedRecordsCommitWithTheImportAndRollBackWithARefusal()
    {
        var database = SightlineDatabase.SqliteFile(Path.Combine(_folder, "council.db"));
        database.Migrate();
        var file = Path.Combine(_folder, "extract.csv");
        File.WriteAllText(file, "x");

        ImportLog.Run(database, "csv:test", file, "someone", db =>
        {
            using var loader = new BulkLoader(db);
            loader.Add(new Child { Id = 1, LAChildId = "kept" });
            loader.Complete();
            return new ImportResult(1, 1, [], []);
        });
        var refused = () => ImportLog.Run(database, "csv:test", file, "someone", db =>
        {
            using var loader = new BulkLoader(db);
            loader.Add(new Child { Id = 2, LAChildId = "rolled-back" });
            loader.Complete();
            throw new FileRefusedException("refused after loading");
        });
        refused.Should().Throw<FileRefusedException>();

        using var check = database.Open();
        check.Children.Select(c => c.LAChildId).Should().Equal("kept");
        check.ImportRecords.Select(r => r.Outcome).Should().Equal(ImportOutcome.Loaded, ImportOutcome.Refused);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
