using LiteDB;
using VocabBot.Discord;
using VocabBot.Storage;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Discord;

/// <summary>
/// What every <see cref="ICommandRegistrationStore"/> does, whichever database is under it: the subclasses
/// below run these tests against LiteDB and against a real PostgreSQL.
/// </summary>
public abstract class CommandRegistrationStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A store over a new, empty database.</summary>
    private protected abstract Task<ICommandRegistrationStore> OpenAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task Scopes_AreTheApplicationsOwn_SavedOnceEach()
    {
        var store = await OpenAsync();

        await store.SaveAsync("app", "global", At, default);
        await store.SaveAsync("app", "global", At.AddDays(1), default);
        await store.SaveAsync("app", "900", At, default);
        await store.SaveAsync("other-app", "901", At, default);

        Assert.Equal(["900", "global"], (await store.ScopesAsync("app", default)).Order(StringComparer.Ordinal));
        Assert.Equal(["901"], await store.ScopesAsync("other-app", default));
        Assert.Empty(await store.ScopesAsync("no-app", default));
    }

    [SkippableFact]
    public async Task Remove_TakesAwayThatScopeOnly()
    {
        var store = await OpenAsync();
        await store.SaveAsync("app", "global", At, default);
        await store.SaveAsync("app", "900", At, default);
        await store.SaveAsync("other-app", "900", At, default);

        await store.RemoveAsync("app", "900", default);
        await store.RemoveAsync("app", "never-saved", default);

        Assert.Equal(["global"], await store.ScopesAsync("app", default));
        Assert.Equal(["900"], await store.ScopesAsync("other-app", default));
    }
}

public sealed class LiteDbCommandRegistrationStoreTests : CommandRegistrationStoreContract
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    private protected override Task<ICommandRegistrationStore> OpenAsync() =>
        Task.FromResult<ICommandRegistrationStore>(new LiteDbCommandRegistrationStore(_database));

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RegistrationsWrittenByTheVersionBeforeTheStore_AreRead()
    {
        // The documents as that version wrote them: id "application:scope".
        var registrations = _database.Database.GetCollection("discord_command_registrations");
        registrations.Insert(JsonSerializer.Deserialize("""{"_id":"app:900","RegisteredAt":{"$date":"2026-03-09T00:00:00.0000000Z"}}""").AsDocument);

        var store = await OpenAsync();

        Assert.Equal(["900"], await store.ScopesAsync("app", default));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresCommandRegistrationStoreTests(PostgresServer server) : CommandRegistrationStoreContract
{
    private readonly PostgresTestDatabase _database = new(server);

    private protected override async Task<ICommandRegistrationStore> OpenAsync() =>
        new PostgresCommandRegistrationStore(await _database.CreateAsync(PostgresCommandRegistrationStore.Migrations));

    public override Task DisposeAsync() => _database.DisposeAsync().AsTask();
}
