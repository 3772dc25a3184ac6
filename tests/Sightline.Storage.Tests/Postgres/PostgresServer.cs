using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;

namespace Sightline.Storage.Tests.Postgres;

/// <summary>Puts every test that needs PostgreSQL into one collection, so they share one server.</summary>
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>;

/// <summary>Finds the Debian PostgreSQL server binaries, and decides whether their absence is allowed.</summary>
public static class PostgresBinaries
{
    /// <summary>Set by scripts/test: a missing or broken PostgreSQL must fail the run, never skip.</summary>
    public const string RequireVariable = "SIGHTLINE_REQUIRE_POSTGRES";

    /// <summary>The reason given when the PostgreSQL tests are skipped.</summary>
    public const string NotInstalledReason = "PostgreSQL is not installed: run ./scripts/test, which installs it";

    /// <summary>True when scripts/test (or CI) asked for the PostgreSQL tests to run whatever happens.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The bin folder of the newest installed server (the one holding initdb and pg_ctl), or null.</summary>
    public static string? FindBinFolder()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;

        // Debian installs each major version side by side (/usr/lib/postgresql/15/bin); the client
        // package alone brings psql but no initdb, so initdb is the test of a usable server.
        return Directory.EnumerateDirectories(root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version >= 0
                && File.Exists(Path.Combine(x.Dir, "bin", "initdb"))
                && File.Exists(Path.Combine(x.Dir, "bin", "pg_ctl")))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault();
    }
}

/// <summary>
/// A throwaway PostgreSQL server for one test run: a fresh cluster in a temporary folder, listening
/// only on 127.0.0.1 at a free port, with durability switched off because nothing here must survive.
/// </summary>
public sealed partial class PostgresServer : IAsyncLifetime
{
    private const int StartAttempts = 3;

    private readonly string? _binFolder = PostgresBinaries.FindBinFolder();
    private string? _folder;
    private string? _connectionString;

    /// <summary>Connection string (Npgsql format) to the server's own "postgres" database.</summary>
    public string ConnectionString =>
        _connectionString ?? throw new InvalidOperationException(PostgresBinaries.NotInstalledReason);

    private string DataFolder => Path.Combine(_folder!, "data");

    private string LogFile => Path.Combine(_folder!, "server.log");

    /// <summary>Starts the server, or leaves it unstarted when PostgreSQL is absent and not required,
    /// in which case every [PostgresFact] test has already been marked as skipped.</summary>
    public async Task InitializeAsync()
    {
        if (_binFolder is null)
        {
            if (PostgresBinaries.Required)
                throw new InvalidOperationException(
                    $"{PostgresBinaries.RequireVariable}=1 but no /usr/lib/postgresql/*/bin/initdb was found. "
                    + "Install the Debian 'postgresql' package (./scripts/test does).");
            return;
        }

        _folder = Directory.CreateTempSubdirectory("sightline-pg-").FullName;
        try
        {
            await InitialiseClusterAsync();
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public string CreateDatabase(string name)
    {
        // The name goes into SQL as an identifier, so only plain lower-case names are accepted.
        if (!DatabaseName().IsMatch(name))
            throw new ArgumentException($"'{name}' is not a plain lower-case database name.", nameof(name));

        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server at once (its data is thrown away) and deletes its folder.</summary>
    public async Task DisposeAsync()
    {
        if (_folder is null)
            return;

        NpgsqlConnection.ClearAllPools();
        if (_connectionString is not null)
        {
            try
            {
                await RunAsPostgresAsync("pg_ctl", "stop", "-D", DataFolder, "-m", "immediate", "-w");
            }
            catch (InvalidOperationException)
            {
                // Already gone (a crash, say): nothing left to stop, and the folder still goes.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in /tmp must not turn a passing run into a failing one.
        }

        _folder = null;
        _connectionString = null;
    }

    private async Task InitialiseClusterAsync()
    {
        // initdb and pg_ctl refuse to run as root, so as root the folder is handed to the
        // postgres user (created by the Debian package) and the tools run under its name.
        if (Environment.IsPrivilegedProcess)
            await RunAsync("chown", ["-R", "postgres:postgres", _folder!]);

        await RunAsPostgresAsync(
            "initdb", "-D", DataFolder, "--auth=trust", "-U", "postgres",
            "--encoding=UTF8", "--no-locale", "--no-sync");
    }

    private async Task StartAsync()
    {
        // A free port is found by asking the kernel for one, then released for the server:
        // another process can take it in between, so a failed start is retried on a new port.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var options = string.Join(' ',
                $"-c port={port}",
                "-c listen_addresses=127.0.0.1",
                $"-c unix_socket_directories='{_folder}'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            try
            {
                await RunAsPostgresAsync(
                    "pg_ctl", "start", "-w", "-t", "60", "-D", DataFolder, "-l", LogFile, "-o", options);
                _connectionString = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1",
                    Port = port,
                    Username = "postgres",
                    Database = "postgres",
                }.ConnectionString;
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsPostgresAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(_binFolder!, tool);
        return Environment.IsPrivilegedProcess
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private async Task RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user may not be able to read the test's working folder.
            WorkingDirectory = _folder!,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no server log)";
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}.\n"
                + $"stdout:\n{await output}\nstderr:\n{await error}\nserver log:\n{log}");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
