using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Storage.Postgres;

namespace VocabBot.Tests.Storage;

/// <summary>
/// One test's PostgreSQL database on the shared <see cref="PostgresServer"/>, migrated as the app's start-up
/// would; every <see cref="PostgresDatabase"/> opened on it is closed with it. The test is skipped where
/// the machine has no PostgreSQL.
/// </summary>
internal sealed class PostgresTestDatabase(PostgresServer server) : IAsyncDisposable
{
    private readonly List<PostgresDatabase> _opened = [];
    private string? _connectionString;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Create the database first.");

    /// <summary>A new database with the schema of <paramref name="migrations"/>; the pool to it.</summary>
    public async Task<PostgresDatabase> CreateAsync(IEnumerable<PostgresMigration> migrations)
    {
        _connectionString = await server.CreateDatabaseAsync();
        var database = Another();
        await new SchemaMigrator(database, migrations, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return database;
    }

    /// <summary>Another pool to the same database, as a second process would have.</summary>
    public PostgresDatabase Another()
    {
        var database = new PostgresDatabase(ConnectionString);
        _opened.Add(database);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
            await database.DisposeAsync();
    }
}
