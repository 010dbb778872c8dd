using VocabBot.Learning.Review;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Learning.Review;

/// <summary>The contract on PostgreSQL, on a throwaway server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewStoreTests(PostgresServer server) : ReviewStoreContract, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new(server);
    private IReviewStore? _store;
    private IStoreTransactions? _transactions;

    private protected override IReviewStore Store => _store ?? throw new InvalidOperationException("no database");

    private protected override IStoreTransactions Transactions => _transactions ?? throw new InvalidOperationException("no database");

    private protected override string? SkipReason => server.SkipReason;

    public async Task InitializeAsync()
    {
        if (server.SkipReason is not null)
            return;
        var database = await _database.CreateAsync(PostgresReviewStore.Migrations);
        (_store, _transactions) = (new PostgresReviewStore(database), new PostgresTransactions(database));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();
}
