using Npgsql;

namespace Sightline.Storage.Tests.Postgres;

[Collection("postgres")]
public sealed class PostgresServerTests(PostgresServer server)
{
    [PostgresFact]
    public async Task ServerAnswersOverTcpOnLoopbackOnly()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version(), host(inet_server_addr())", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();

        reader.GetString(0).Should().StartWith("PostgreSQL ");
        reader.GetString(1).Should().Be("127.0.0.1", "the connection must go over TCP to the loopback address");
    }

    [PostgresFact]
    public async Task TwoCreatedDatabasesDoNotShareTables()
    {
        var first = server.CreateDatabase("independence_first");
        var second = server.CreateDatabase("independence_second");

        await ExecuteAsync(first, "create table child (id int primary key); insert into child values (1)");

        (await ScalarAsync(first, "select count(*) from child")).Should().Be(1L);
        (await ScalarAsync(second, "select to_regclass('child') is null")).Should().Be(true);
        (await ScalarAsync(second, "select current_database()")).Should().Be("independence_second");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
