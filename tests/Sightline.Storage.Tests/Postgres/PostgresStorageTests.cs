namespace Sightline.Storage.Tests.Postgres;

/// <summary>The storage contract on PostgreSQL, the server option: each test on its own database in the
/// throwaway server.</summary>
[Collection("postgres")]
public sealed class PostgresStorageTests(PostgresServer server)
{
    private SightlineDatabase NewDatabase() =>
        new(DatabaseProvider.Postgres, server.CreateDatabase($"contract_{Guid.NewGuid():N}"));

    [PostgresFact]
    public void ModelMatchesTheMigrations() => StorageContract.ModelMatchesTheMigrations(NewDatabase());

    [PostgresFact]
    public void ChildJourneyRoundTrips() => StorageContract.ChildJourneyRoundTrips(NewDatabase());

    [PostgresFact]
    public void ChildIdentifierIsUnique() => StorageContract.ChildIdentifierIsUnique(NewDatabase());

    [PostgresFact]
    public void PlanActionBelongsToExactlyOnePlan() => StorageContract.PlanActionBelongsToExactlyOnePlan(NewDatabase());

    [PostgresFact]
    public void BulkLoadedRecordsReadBackAndKeysCarryOn() => StorageContract.BulkLoadedRecordsReadBackAndKeysCarryOn(NewDatabase());

    [PostgresFact]
    public void AbandonedBulkLoadChangesNothing() => StorageContract.AbandonedBulkLoadChangesNothing(NewDatabase());

    [PostgresFact]
    public void SnapshotCarriesAbsencesAndSupervision() => StorageContract.SnapshotCarriesAbsencesAndSupervision(NewDatabase());

    [PostgresFact]
    public void SupervisionActionIsMarkedDoneOnce() => StorageContract.SupervisionActionIsMarkedDoneOnce(NewDatabase());

    [PostgresFact]
    public void LocalStandardsAreStoredAsVersions() => StorageContract.LocalStandardsAreStoredAsVersions(NewDatabase());

    [PostgresFact]
    public void AccessLogIsAppendOnly() => StorageContract.AccessLogIsAppendOnly(NewDatabase());

    [PostgresFact]
    public void AccountKeepsItsWorkerAndTeams() => StorageContract.AccountKeepsItsWorkerAndTeams(NewDatabase());
}
