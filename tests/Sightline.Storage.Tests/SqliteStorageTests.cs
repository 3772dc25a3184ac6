namespace Sightline.Storage.Tests;

/// <summary>The storage contract on SQLite, the embedded default: each test on its own file.</summary>
public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-sqlite-").FullName;

    private SightlineDatabase NewDatabase() => SightlineDatabase.SqliteFile(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));

    [Fact]
    public void ModelMatchesTheMigrations() => StorageContract.ModelMatchesTheMigrations(NewDatabase());

    [Fact]
    public void ChildJourneyRoundTrips() => StorageContract.ChildJourneyRoundTrips(NewDatabase());

    [Fact]
    public void ChildIdentifierIsUnique() => StorageContract.ChildIdentifierIsUnique(NewDatabase());

    [Fact]
    public void PlanActionBelongsToExactlyOnePlan() => StorageContract.PlanActionBelongsToExactlyOnePlan(NewDatabase());

    [Fact]
    public void BulkLoadedRecordsReadBackAndKeysCarryOn() => StorageContract.BulkLoadedRecordsReadBackAndKeysCarryOn(NewDatabase());

    [Fact]
    public void AbandonedBulkLoadChangesNothing() => StorageContract.AbandonedBulkLoadChangesNothing(NewDatabase());

    [Fact]
    public void SnapshotCarriesAbsencesAndSupervision() => StorageContract.SnapshotCarriesAbsencesAndSupervision(NewDatabase());

    [Fact]
    public void SupervisionActionIsMarkedDoneOnce() => StorageContract.SupervisionActionIsMarkedDoneOnce(NewDatabase());

    [Fact]
    public void LocalStandardsAreStoredAsVersions() => StorageContract.LocalStandardsAreStoredAsVersions(NewDatabase());

    [Fact]
    public void AccessLogIsAppendOnly() => StorageContract.AccessLogIsAppendOnly(NewDatabase());

    [Fact]
    public void AccountKeepsItsWorkerAndTeams() => StorageContract.AccountKeepsItsWorkerAndTeams(NewDatabase());

    [Fact]
    public void MigratingTwiceIsHarmless()
    {
        var database = NewDatabase();
        database.Migrate();
        database.Migrate();
        using var db = database.Open();
        db.Children.Count().Should().Be(0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
