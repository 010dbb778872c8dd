using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.Storage;

/// <summary>The whole bot, composed as Program.cs composes it, with Storage:Provider PostgreSQL, against the fake Discord.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAppTests(PostgresServer server)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task BotOnPostgreSQL_MigratesAnEmptyDatabase_SetsUpTheWordOfTheDay_AndPostsItOnceADayAcrossRestarts()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString };
        var time = new FakeTimeProvider(TestBot.Start); // 09:00 in Taipei
        await using var discord = await FakeDiscord.StartAsync();
        using var folder = new TempFolder(); // the LiteDB file still holds the imported content

        string word;
        await using (var bot = await BotHarness.StartAsync(learning: null, discord, folder.Path, settings, time))
        {
            await bot.WaitUntilReadyAsync();
            await bot.Logs.WaitForAsync("Registered");
            var setup = await bot.InteractAsync(Interactions.Command(Interactions.NewId(time), "wotd-setup",
                new JsonObject { ["channel"] = Interactions.ChannelId, ["time"] = "08:00", ["timezone"] = "Asia/Taipei" }, manager: true));
            var wotd = await bot.InteractAsync(Interactions.Command(Interactions.NewId(time), "wotd"));
            Assert.Contains("Done", setup.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
            word = wotd.Json.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString()!.Replace(WotdCard.TitlePrefix, "", StringComparison.Ordinal);
        }

        // Started again later the same day, after 08:00: today's word is posted at start-up, once.
        time.Advance(TimeSpan.FromHours(2));
        for (var start = 0; start < 2; start++)
        {
            await using var bot = await BotHarness.StartAsync(learning: null, discord, folder.Path, settings, time);
            await bot.Host.Services.GetRequiredService<WotdScheduler>().CatchUp.WaitAsync(Bound);
        }

        var posts = discord.ChannelMessages.Where(m => m.Body.Contains("Word of the day", StringComparison.Ordinal)).ToList();
        var post = Assert.Single(posts, m => !m.Body.Contains("will be posted here", StringComparison.Ordinal));
        Assert.Equal(Interactions.ChannelId, post.Channel);
        Assert.Contains($"\"content\":\"Word of the day: {word}\"", post.Body, StringComparison.Ordinal);
        discord.AssertBodiesValid();

        await using var database = new PostgresDatabase(connectionString);
        Assert.Equal(["discord/001", "discord/002", "library/001", "quiz/001", "race/001", "race/002", "review/001", "scores/001", "scores/002", "scores/003", "wotd/001", "wotd/002"], await Column(database, "SELECT id FROM schema_migrations ORDER BY id"));
        Assert.Equal([Interactions.GuildId], await Column(database, "SELECT guild_id FROM wotd_setups"));
        Assert.Equal(["2026-01-05"], await Column(database, "SELECT day::text FROM wotd_days WHERE posted"));
        Assert.Equal(["global"], await Column(database, "SELECT scope FROM discord_command_registrations"));
        // What the stores keep went to PostgreSQL, not to the LiteDB file.
        using var liteDb = new VocabDatabase(folder.File("vocabbot.db"));
        Assert.DoesNotContain(liteDb.Database.GetCollectionNames(), name => name.StartsWith("wotd_", StringComparison.Ordinal) || name == "discord_command_registrations");
    }

    [SkippableFact]
    public async Task PostgreSQLGoneWhileRunning_TheAnswerGetsAPrivateCannotSave()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString });
        var quiz = await bot.SendAsync("u1", "quiz");
        var right = bot.RightButton(quiz);

        await server.DropDatabaseAsync(connectionString);
        var reply = await bot.ClickAsync("u1", right);

        Assert.True(reply.Ephemeral);
        Assert.Equal(TestText.CannotSave, reply.Text);
    }

    [SkippableFact]
    public async Task AChannelTakenOutOfTheConfiguration_LosesItsSharedTrigger_ASetUpOneKeepsIts()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString };
        var configured = new Dictionary<string, string?>(settings)
        {
            ["WordOfTheDay:Schedules:0:ChannelId"] = "300000000000000001",
            ["WordOfTheDay:Schedules:0:Cron"] = "0 0 8 * * ?",
            ["WordOfTheDay:Schedules:0:TimeZone"] = "Asia/Taipei",
        };
        var time = new FakeTimeProvider(TestBot.Start);
        await using var discord = await FakeDiscord.StartAsync();
        using var folder = new TempFolder();
        await using (var bot = await BotHarness.StartAsync(learning: null, discord, folder.Path, configured, time))
        {
            await bot.WaitUntilReadyAsync();
            await bot.InteractAsync(Interactions.Command(Interactions.NewId(time), "wotd-setup",
                new JsonObject { ["channel"] = Interactions.ChannelId, ["time"] = "08:00", ["timezone"] = "Asia/Taipei" }, manager: true));
        }

        await using var database = new PostgresDatabase(connectionString);
        const string Jobs = "SELECT job_name FROM qrtz_job_details WHERE job_group = 'wotd' ORDER BY job_name";
        Assert.Equal([Interactions.ChannelId, "300000000000000001"], (await Column(database, Jobs)).Order(StringComparer.Ordinal));

        // Started again without that channel in its configuration: its trigger would have gone on posting.
        await using (var bot = await BotHarness.StartAsync(learning: null, discord, folder.Path, settings, time))
            await bot.WaitUntilReadyAsync();

        Assert.Equal([Interactions.ChannelId], await Column(database, Jobs));
    }

    [SkippableFact]
    public async Task APostReRunOnAnotherProcess_AfterTheFirstDiedBeforeRecordingIt_IsNotPostedTwice()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString };
        var time = new FakeTimeProvider(TestBot.Start); // 09:00 in Taipei: a 10:00 schedule is not due, nothing posts by itself
        await using var discord = await FakeDiscord.StartAsync();
        using var first = new TempFolder();
        using var second = new TempFolder();
        await using var a = await BotHarness.StartAsync(learning: null, discord, first.Path, settings, time);
        await a.WaitUntilReadyAsync();
        await a.InteractAsync(Interactions.Command(Interactions.NewId(time), "wotd-setup",
            new JsonObject { ["channel"] = Interactions.ChannelId, ["time"] = "10:00", ["timezone"] = "Asia/Taipei" }, manager: true));
        await using var b = await BotHarness.StartAsync(learning: null, discord, second.Path, settings, time);
        await b.WaitUntilReadyAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Taipei");

        Assert.Equal(PostOutcome.Posted, await Service(a).PostIfDueAsync(Interactions.ChannelId, zone, a.Messenger, CancellationToken.None));
        // What a process killed between Discord's answer and its own record leaves: the day's word chosen, not recorded posted.
        await using var database = new PostgresDatabase(connectionString);
        await database.ExecuteAsync("UPDATE wotd_days SET posted = false", [], CancellationToken.None);
        // Quartz's recovery runs the job again on another process: the same word, so the same message and nonce.
        Assert.Equal(PostOutcome.Posted, await Service(b).PostIfDueAsync(Interactions.ChannelId, zone, b.Messenger, CancellationToken.None));

        var creates = discord.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"/channels/{Interactions.ChannelId}/messages", StringComparison.Ordinal)
            && r.Body.Contains("\"content\":\"Word of the day:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, creates.Count);
        Assert.Equal(creates[0].Json.GetProperty("nonce").GetString(), creates[1].Json.GetProperty("nonce").GetString());
        Assert.Single(discord.ChannelMessages, m => m.Body.Contains("\"content\":\"Word of the day:", StringComparison.Ordinal));
        Assert.Equal(["true"], await Column(database, "SELECT posted::text FROM wotd_days"));
    }

    private static WordOfTheDayService Service(BotHarness bot) => bot.Host.Services.GetRequiredService<WordOfTheDayService>();

    private static Task<List<string>> Column(PostgresDatabase database, string sql) =>
        database.QueryAsync(sql, [], r => r.GetString(0), CancellationToken.None);
}
