using LiteDB;
using VocabBot.Storage;
using VocabBot.Tests.Storage;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>The word-of-the-day store contract over LiteDB in memory; and a file from before the store opens as it was.</summary>
public sealed class LiteDbWotdStoreTests : WotdStoreContract
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    private protected override Task<IWotdStore> OpenAsync() => Task.FromResult(OpenAnother());

    private protected override IWotdStore OpenAnother() => new LiteDbWotdStore(_database);

    public override Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task DatabaseWrittenByTheVersionBeforeTheStore_OpensWithNothingLost()
    {
        using var folder = new TempFolder();
        var path = folder.File("vocabbot.db");
        // The documents as that version wrote them, field by field.
        using (var before = new VocabDatabase(path))
        {
            Insert(before, "wotd_setups", """{"_id":"100000000000000001","GuildId":"900","Cron":"0 0 8 * * ?","TimeZone":"Asia/Taipei"}""");
            Insert(before, "wotd_setups", """{"_id":"100000000000000002","GuildId":null,"Cron":"0 30 7 * * ?","TimeZone":"UTC"}""");
            Insert(before, "wotd_refusals", """{"_id":"100000000000000002","Reason":"Missing Access","At":{"$date":"2026-03-09T00:00:05.0000000Z"}}""");
            Insert(before, "wotd_history", """{"_id":"100000000000000001","Seen":["loosen","contract"]}""");
            Insert(before, "wotd_days", """{"_id":"100000000000000001:2026-03-09","ChannelId":"100000000000000001","Date":"2026-03-09","WordKey":"loosen","Posted":true,"PostedAt":{"$date":"2026-03-09T00:00:05.0000000Z"}}""");
            Insert(before, "wotd_days", """{"_id":"100000000000000001:2026-03-10","ChannelId":"100000000000000001","Date":"2026-03-10","WordKey":"contract","Posted":false,"PostedAt":null}""");
        }

        using var database = new VocabDatabase(path);
        var store = new LiteDbWotdStore(database);

        Assert.Equal(
            [new WotdSetup("100000000000000001", "900", "0 0 8 * * ?", "Asia/Taipei"), new WotdSetup("100000000000000002", null, "0 30 7 * * ?", "UTC")],
            await store.AllSetupsAsync(default));
        Assert.Equal(new WotdRefusal("100000000000000002", "Missing Access", new DateTimeOffset(2026, 3, 9, 0, 0, 5, TimeSpan.Zero)),
            await store.FindRefusalAsync("100000000000000002", default));
        Assert.Equal(["loosen", "contract"], await store.SeenAsync("100000000000000001", default));
        Assert.Equal(new WotdDay("100000000000000001", new DateOnly(2026, 3, 9), "loosen", true, new DateTimeOffset(2026, 3, 9, 0, 0, 5, TimeSpan.Zero)),
            await store.FindDayAsync("100000000000000001", new DateOnly(2026, 3, 9), default));
        Assert.Equal(new DateOnly(2026, 3, 9), await store.LastPostedDateAsync("100000000000000001", default));
        Assert.False(await store.RecordPostAsync("100000000000000001", new DateOnly(2026, 3, 9), "loosen", DateTimeOffset.UnixEpoch, default));
        Assert.True(await store.RecordPostAsync("100000000000000001", new DateOnly(2026, 3, 10), "contract", DateTimeOffset.UnixEpoch, default));
    }

    private static void Insert(VocabDatabase database, string collection, string json) =>
        database.Database.GetCollection(collection).Insert(JsonSerializer.Deserialize(json).AsDocument);
}

/// <summary>The word-of-the-day store contract over a real, throwaway PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWotdStoreTests(PostgresServer server) : WotdStoreContract
{
    private readonly PostgresTestDatabase _database = new(server);

    private protected override async Task<IWotdStore> OpenAsync() => new PostgresWotdStore(await _database.CreateAsync(PostgresWotdStore.Migrations));

    private protected override IWotdStore OpenAnother() => new PostgresWotdStore(_database.Another());

    public override Task DisposeAsync() => _database.DisposeAsync().AsTask();
}
