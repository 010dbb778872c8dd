using VocabBot.Library;
using VocabBot.Storage;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Library;

/// <summary>The library store contract over LiteDB in memory.</summary>
public sealed class LiteDbLibraryStoreTests : LibraryStoreContract
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    private protected override Task<ILibraryStore> OpenAsync() => Task.FromResult(OpenAnother());

    private protected override ILibraryStore OpenAnother() => new LiteDbLibraryStore(_database);

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The library store contract over a real, throwaway PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLibraryStoreTests(PostgresServer server) : LibraryStoreContract
{
    private readonly PostgresTestDatabase _database = new(server);

    private protected override async Task<ILibraryStore> OpenAsync() => new PostgresLibraryStore(await _database.CreateAsync(PostgresLibraryStore.Migrations));

    private protected override ILibraryStore OpenAnother() => new PostgresLibraryStore(_database.Another());

    public override Task DisposeAsync() => _database.DisposeAsync().AsTask();
}
