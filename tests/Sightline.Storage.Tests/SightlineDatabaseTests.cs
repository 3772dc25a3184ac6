namespace Sightline.Storage.Tests;

/// <summary>How a <c>--database</c> value chooses the provider.</summary>
public sealed class SightlineDatabaseTests
{
    [Theory]
    [InlineData("council.db")]
    [InlineData("/var/lib/sightline/council.db")]
    [InlineData("Data Source=/tmp/x.db")]
    public void PathsAndSqliteConnectionStringsMeanSqlite(string value) =>
        SightlineDatabase.Parse(value).Provider.Should().Be(DatabaseProvider.Sqlite);

    [Theory]
    [InlineData("Host=127.0.0.1;Database=sightline;Username=app")]
    [InlineData("postgres://app:secret@db.internal:5433/sightline")]
    [InlineData("postgresql://db.internal/sightline")]
    public void ConnectionStringsAndAddressesMeanPostgres(string value) =>
        SightlineDatabase.Parse(value).Provider.Should().Be(DatabaseProvider.Postgres);

    [Fact]
    public void PostgresAddressKeepsEveryPart()
    {
        var database = SightlineDatabase.Parse("postgres://app:s%40cret@db.internal:5433/sightline");
        database.ConnectionString.Should().Contain("Host=db.internal").And.Contain("Port=5433").And.Contain("Database=sightline")
            .And.Contain("Username=app").And.Contain("Password=s@cret");
    }

    [Fact]
    public void DescriptionNeverShowsThePassword() =>
        SightlineDatabase.Parse("Host=db;Database=sightline;Username=app;Password=hunter2").Describe()
            .Should().NotContain("hunter2").And.Contain("sightline");

    [Fact]
    public void NothingGivenMeansTheDefaultFileUnlessTheEnvironmentSaysOtherwise()
    {
        var before = Environment.GetEnvironmentVariable(SightlineDatabase.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SightlineDatabase.EnvironmentVariable, null);
            SightlineDatabase.Parse(null).ConnectionString.Should().Contain(SightlineDatabase.DefaultPath);
            Environment.SetEnvironmentVariable(SightlineDatabase.EnvironmentVariable, "Host=elsewhere;Database=x");
            SightlineDatabase.Parse(" ").Provider.Should().Be(DatabaseProvider.Postgres);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SightlineDatabase.EnvironmentVariable, before);
        }
    }
}
