using VocabBot.Race;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Race;

/// <summary>The race store contract on PostgreSQL, on a throwaway server; a second pool plays the second process.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresRaceStoreTests(PostgresServer server) : RaceStoreContract, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new(server);
    private IRaceStore? _store;
    private IRaceStore? _other;
    private IStoreTransactions? _transactions;

    private protected override IRaceStore Store => _store ?? throw new InvalidOperationException("no database");

    private protected override IRaceStore Other => _other ?? throw new InvalidOperationException("no database");

    private protected override IStoreTransactions Transactions => _transactions ?? throw new InvalidOperationException("no database");

    private protected override string? SkipReason => server.SkipReason;

    public async Task InitializeAsync()
    {
        if (server.SkipReason is not null)
            return;
        var database = await _database.CreateAsync(PostgresRaceStore.Migrations);
        (_store, _other, _transactions) = (new PostgresRaceStore(database), new PostgresRaceStore(_database.Another()), new PostgresTransactions(database));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
