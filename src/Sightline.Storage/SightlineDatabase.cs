using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Sightline.Storage;

/// <summary>Which database provider holds the council's records.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the council's records are: a SQLite file, or a PostgreSQL server.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record SightlineDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The environment variable that names the database when no <c>--database</c> option is given.</summary>
    public const string EnvironmentVariable = "SIGHTLINE_DATABASE";

    /// <summary>The default SQLite file: <c>sightline/sightline.db</c> in the user's data folder.</summary>
    public static string DefaultPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        "sightline", "sightline.db");

    /// <summary>Reads a <c>--database</c> value: a plain path is a SQLite file; <c>Host=…</c> or a
    /// <c>postgres://</c> address is PostgreSQL; <c>Data Source=…</c> is a SQLite connection string.
    /// Null or blank falls back to <see cref="EnvironmentVariable"/>, then to <see cref="DefaultPath"/>.</summary>
    public static SightlineDatabase Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return SqliteFile(DefaultPath);
        }

        value = value.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, FromPostgresUri(new Uri(value)));
        }

        if (value.Contains('=') && value.Contains("host", StringComparison.OrdinalIgnoreCase) && !value.Contains("data source", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(value).ConnectionString);
        }

        if (value.Contains('=') && value.Contains("data source", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder(value).ConnectionString);
        }

        return SqliteFile(value);
    }

    /// <summary>A SQLite file at <paramref name="path"/> (created when first migrated).</summary>
    public static SightlineDatabase SqliteFile(string path) =>
        new(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false }.ConnectionString);

    /// <summary>A description that is safe to print: the file path, or the server and database without credentials.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        _ => DescribePostgres(new NpgsqlConnectionStringBuilder(ConnectionString)),
    };

    /// <summary>A new context on this database. The caller disposes it.</summary>
    public SightlineDbContext Open()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(ConnectionString).DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return new SqliteSightlineContext(new DbContextOptionsBuilder<SqliteSightlineContext>()
                .UseSqlite(ConnectionString).Options);
        }

        return new PostgresSightlineContext(new DbContextOptionsBuilder<PostgresSightlineContext>()
            .UseNpgsql(ConnectionString).Options);
    }

    /// <summary>Creates the database if needed and applies every pending migration.</summary>
    public void Migrate()
    {
        using var db = Open();
        db.Database.Migrate();
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers (the web pages) carry on while an import writes.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }

    private static string FromPostgresUri(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = uri.AbsolutePath.Trim('/') is { Length: > 0 } name ? Uri.UnescapeDataString(name) : null,
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
        }

        if (uri.UserInfo.Split(':', 2) is [_, var password])
        {
            builder.Password = Uri.UnescapeDataString(password);
        }

        return builder.ConnectionString;
    }

    private static string DescribePostgres(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL database {builder.Database ?? "(default)"} on {builder.Host}:{builder.Port}";
}

/// <summary>Lets the EF Core tools build the SQLite context to create its migrations.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSightlineContext>
{
    public SqliteSightlineContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSightlineContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets the EF Core tools build the PostgreSQL context to create its migrations (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSightlineContext>
{
    public PostgresSightlineContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSightlineContext>().UseNpgsql("Host=localhost;Database=sightline").Options);
}
