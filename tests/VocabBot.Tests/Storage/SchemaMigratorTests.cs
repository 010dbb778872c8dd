using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer server)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    // Plain CREATE TABLE, and an INSERT whose count shows how often each ran: a second run would fail or count twice.
    private static readonly PostgresMigration[] Probe =
    [
        new("probe/001", "CREATE TABLE probe (runs int NOT NULL); INSERT INTO probe VALUES (1)"),
        new("probe/002", "ALTER TABLE probe ADD COLUMN note text; UPDATE probe SET runs = runs + 1"),
    ];

    private static SchemaMigrator Migrator(PostgresDatabase database, IEnumerable<PostgresMigration> migrations) =>
        new(database, migrations, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    [SkippableFact]
    public async Task TwoMigratorsStartingAtOnce_OnAnEmptyDatabase_BothFinish_AndTheSchemaIsCreatedOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        // Two data sources, two pools: as two processes starting together would be.
        await using var first = new PostgresDatabase(connectionString);
        await using var second = new PostgresDatabase(connectionString);

        var applied = await Task.WhenAll(
            Task.Run(() => Migrator(first, Probe).MigrateAsync(CancellationToken.None)),
            Task.Run(() => Migrator(second, Probe).MigrateAsync(CancellationToken.None))).WaitAsync(Bound);

        Assert.Equal(["probe/001", "probe/002"], applied.SelectMany(ids => ids).Order(StringComparer.Ordinal));
        Assert.Contains(applied, ids => ids.Count == 0);
        Assert.Equal([2], await first.QueryAsync("SELECT runs FROM probe", [], r => r.GetInt32(0), CancellationToken.None));
        Assert.Equal(["probe/001", "probe/002"], await RecordedAsync(first));
    }

    [SkippableFact]
    public async Task RunningAgain_AppliesNothing_AndALaterMigrationOnlyItself()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        await Migrator(database, Probe[..1]).MigrateAsync(CancellationToken.None);

        var again = await Migrator(database, Probe[..1]).MigrateAsync(CancellationToken.None);
        var later = await Migrator(database, Probe).MigrateAsync(CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(["probe/002"], later);
        Assert.Equal([2], await database.QueryAsync("SELECT runs FROM probe", [], r => r.GetInt32(0), CancellationToken.None));
    }

    [SkippableFact]
    public async Task AMigrationThatFails_LeavesNothingBehind_NotEvenTheOnesBeforeIt()
    {
        await using var database = new PostgresDatabase(await server.CreateDatabaseAsync());
        PostgresMigration[] broken = [Probe[0], new("probe/002", "ALTER TABLE no_such_table ADD COLUMN note text")];

        await Assert.ThrowsAsync<PostgresException>(() => Migrator(database, broken).MigrateAsync(CancellationToken.None));

        var tables = await database.QueryAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", [], r => r.GetString(0), CancellationToken.None);
        Assert.Empty(tables);
    }

    [Theory]
    [InlineData("wotd")]
    [InlineData("wotd/1")]
    [InlineData("Wotd/001")]
    [InlineData("001")]
    public void MigrationId_IsFeatureSlashThreeDigits(string id) =>
        Assert.Throws<ArgumentException>(() => new PostgresMigration(id, "SELECT 1"));

    private static Task<List<string>> RecordedAsync(PostgresDatabase database) =>
        database.QueryAsync("SELECT id FROM schema_migrations ORDER BY id", [], r => r.GetString(0), CancellationToken.None);
}
