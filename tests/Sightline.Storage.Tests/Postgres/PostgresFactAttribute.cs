namespace Sightline.Storage.Tests.Postgres;

/// <summary>
/// A fact that needs a real PostgreSQL server. Plain <c>dotnet test</c> on a machine without
/// PostgreSQL reports it as skipped, with the reason; under scripts/test (which sets
/// SIGHTLINE_REQUIRE_POSTGRES=1) it always runs, so a missing server fails loudly instead.
/// </summary>
/// <remarks>xunit 2 has no dynamic skip, so the decision is made when the attribute is read.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Marks the test as skipped when PostgreSQL is absent and not required.</summary>
    public PostgresFactAttribute()
    {
        if (!PostgresBinaries.Required && PostgresBinaries.FindBinFolder() is null)
            Skip = PostgresBinaries.NotInstalledReason;
    }
}
