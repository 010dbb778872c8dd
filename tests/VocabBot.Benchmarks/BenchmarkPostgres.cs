using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Benchmarks;

/// <summary>A fresh database on the benchmark's PostgreSQL server (see with-postgres.sh), migrated, dropped afterwards.</summary>
internal static class BenchmarkPostgres
{
    public static void With(string server, string name, IEnumerable<PostgresMigration> migrations, Action<PostgresDatabase> measure)
    {
        Admin(server, $"DROP DATABASE IF EXISTS {name}");
        Admin(server, $"CREATE DATABASE {name}");
        try
        {
            using var database = new PostgresDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
            new SchemaMigrator(database, migrations, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            measure(database);
            NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            Admin(server, $"DROP DATABASE IF EXISTS {name}");
        }
    }

    /// <summary>
    /// After a bulk load: what a server that has run a while has done by itself (autovacuum's VACUUM and ANALYZE, a
    /// checkpoint), so that the timed calls measure the steady state, not autovacuum catching up beside them.
    /// </summary>
    public static void Settle(PostgresDatabase database)
    {
        using var connection = database.Open();
        foreach (var sql in new[] { "VACUUM (ANALYZE)", "CHECKPOINT" })
        {
            using var command = new NpgsqlCommand(sql, connection);
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
