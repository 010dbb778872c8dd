using Microsoft.Extensions.Logging;
using Npgsql;

namespace VocabBot.Storage.Postgres;

/// <summary>
/// Brings the database's schema up to the features' migrations at start-up. Everything happens in one
/// transaction that first takes an advisory lock: a second process starting at the same moment waits,
/// then finds the migrations recorded and applies none; a migration that fails leaves nothing behind.
/// </summary>
internal sealed partial class SchemaMigrator(PostgresDatabase database, IEnumerable<PostgresMigration> migrations, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    // Any fixed number will do, as long as every VocabBot process takes the same one ("VocabBot" in ASCII).
    private const long LockKey = 0x566F636162426F74;

    /// <summary>Applies the migrations this database lacks, in order; the ids it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var ordered = Ordered(migrations);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", [LockKey], cancellationToken);
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL)", [], cancellationToken);
        var recorded = await RecordedAsync(connection, cancellationToken);

        var applied = new List<string>();
        foreach (var migration in ordered.Where(m => !recorded.Contains(m.Id)))
        {
            await ExecuteAsync(connection, migration.Sql, [], cancellationToken);
            await ExecuteAsync(connection, "INSERT INTO schema_migrations (id, applied_at) VALUES ($1, $2)", [migration.Id, time.GetUtcNow()], cancellationToken);
            applied.Add(migration.Id);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var id in applied)
            LogApplied(logger, id, database.Describe());
        var unknown = recorded.Except(ordered.Select(m => m.Id)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            LogUnknown(logger, database.Describe(), string.Join(", ", unknown));
        return applied;
    }

    /// <summary>Every feature's migrations, each feature's in the order of its numbers; an id given twice is a mistake in the code.</summary>
    private static List<PostgresMigration> Ordered(IEnumerable<PostgresMigration> migrations)
    {
        var list = migrations.ToList();
        var twice = list.GroupBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidOperationException($"The PostgreSQL migration '{twice.Key}' is registered twice.");
        return [.. list.OrderBy(m => m.Id, StringComparer.Ordinal)];
    }

    private static async Task<HashSet<string>> RecordedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        await using var command = PostgresDatabase.Bind(new NpgsqlCommand(sql, connection), parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied the PostgreSQL migration {Migration} to {Database}")]
    private static partial void LogApplied(ILogger logger, string migration, string database);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PostgreSQL database {Database} has migrations this version does not know ({Migrations}): a newer VocabBot has used it")]
    private static partial void LogUnknown(ILogger logger, string database, string migrations);
}
