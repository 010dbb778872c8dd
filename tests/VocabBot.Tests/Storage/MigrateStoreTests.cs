using VocabBot.Learning.Scores;
using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Ship;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.Storage;

/// <summary>`migrate-store --from LiteDB --to PostgreSQL`, run as the built app against a throwaway PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MigrateStoreTests(PostgresServer server) : IDisposable
{
    private readonly TempFolder _folder = new();

    private string LiteDbFile => _folder.File("vocabbot.db");

    public void Dispose() => _folder.Dispose();

    [SkippableFact]
    public async Task EverythingTheLiteDbFileHolds_IsCopied_AndASecondRunCopiesNothingTwice()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var connectionString = await server.CreateDatabaseAsync();
        var day = new DateOnly(2026, 3, 10);
        using (var database = new VocabDatabase(LiteDbFile))
        {
            var board = TestScoreboard.On(database);
            for (var i = 0; i < 40; i++)
                board.Record(i % 2 == 0 ? "900" : "901", $"u{i % 6}", $"Name {i % 6}", "w", i % 3 > 0, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i * 7));
            var memory = new VocabBot.Learning.Review.LiteDbReviewStore(database);
            foreach (var word in new[] { "loosen", "contract" })
            {
                memory.Save(new VocabBot.Learning.Review.MemoryState
                {
                    Id = VocabBot.Learning.Review.MemoryState.IdFor("u1", word),
                    UserId = "u1",
                    WordKey = word,
                    Stability = 2.5,
                    Difficulty = 5,
                    LastReview = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
                    Due = new DateTimeOffset(2026, 3, 4, 0, 0, 0, TimeSpan.Zero),
                    Reviews = 1,
                    LastCorrect = word == "loosen",
                });
            }

            var wotd = new LiteDbWotdStore(database);
            await wotd.SaveSetupAsync(new WotdSetup("100", "900", "0 0 8 * * ?", "Asia/Taipei"), default);
            await wotd.SaveRefusalAsync(new WotdRefusal("101", "Missing Access", new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero)), default);
            await wotd.AddSeenAsync("100", "loosen", startOver: true, default);
            await wotd.AddSeenAsync("100", "contract", startOver: false, default);
            await wotd.ChooseWordAsync("100", day, "contract", null, default);
            await wotd.RecordPostAsync("100", day, "contract", new DateTimeOffset(2026, 3, 10, 0, 0, 5, TimeSpan.Zero), default);
            var library = new LiteDbLibraryStore(database);
            var article = new ArticleParser().Parse("seed.md", TestFiles.Article("seed.md")).Article!;
            library.Save(ServerArticle.Of("900", article, "Ada", "u1", new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)), new LibraryLimits(10, 1000));
            library.SetShipped("900", false);
        }

        var first = Migrate(connectionString);
        var second = Migrate(connectionString);

        Assert.Equal(
            ["review memory: 2 remembered words", "scores: 40 answers (40 new), 21 running totals",
             "word of the day: 1 schedules, 1 refused channels, 1 word cycles, 1 posted days", "server libraries: 1 article in 1 server, 1 shipped setting",
             "Copied into PostgreSQL; start the bot with Storage:Provider=PostgreSQL."],
            first);
        Assert.Contains("scores: 40 answers (0 new), 21 running totals", second);
        await using var postgres = new PostgresDatabase(connectionString);
        var scores = new PostgresScoreStore(postgres);
        using (var database = new VocabDatabase(LiteDbFile))
        {
            var liteDb = new LiteDbScoreStore(database);
            Assert.Equal(Answers(liteDb), Answers(scores));
            Assert.Equal(Totals(liteDb), Totals(scores));
        }

        var review = new VocabBot.Learning.Review.PostgresReviewStore(postgres);
        Assert.True(review.Find("u1", "loosen") is { LastCorrect: true, Reviews: 1, Stability: 2.5 });
        Assert.Equal(1, review.Summary("u1", new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero)).Learned);
        var wotdStore = new PostgresWotdStore(postgres);
        Assert.Equal([new WotdSetup("100", "900", "0 0 8 * * ?", "Asia/Taipei")], await wotdStore.AllSetupsAsync(default));
        Assert.Equal("Missing Access", (await wotdStore.FindRefusalAsync("101", default))?.Reason);
        Assert.Equal(["loosen", "contract"], await wotdStore.SeenAsync("100", default));
        Assert.Equal(day, await wotdStore.LastPostedDateAsync("100", default));
        var libraryStore = new PostgresLibraryStore(postgres);
        Assert.Equal(41, Assert.Single(libraryStore.InGuild("900")).Words.Count);
        Assert.False(libraryStore.ShippedOn("900"));
        // A new answer in PostgreSQL is numbered after the copied ones.
        Assert.Equal(41, new Scoreboard(scores, Microsoft.Extensions.Options.Options.Create(new VocabBot.Learning.LearningOptions()))
            .Record("900", "u1", "Name 1", "w", true, new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).Id);
    }

    [SkippableFact]
    public async Task WhileTheBotHoldsTheFile_ItExitsTwo_CopyingNothing()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var connectionString = await server.CreateDatabaseAsync();
        using var held = new VocabDatabase(LiteDbFile);

        var (code, output, error) = BuiltApp.Run(_folder.Path, Settings(connectionString), "migrate-store", "--from", "LiteDB", "--to", "PostgreSQL");

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Empty(output);
        Assert.StartsWith($"Storage error: '{LiteDbFile}' is in use by another process", Assert.Single(BuiltApp.Lines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public void OtherDirections_AndAMissingFile_ExitTwo_SayingWhy()
    {
        var settings = Settings("Host=127.0.0.1;Database=unused");

        var (wrongWay, _, usage) = BuiltApp.Run(_folder.Path, settings, "migrate-store", "--from", "PostgreSQL", "--to", "LiteDB");
        var (missing, _, noFile) = BuiltApp.Run(_folder.Path, settings, "migrate-store");

        Assert.Equal(2, wrongWay);
        Assert.Contains("migrate-store takes --from LiteDB --to PostgreSQL", usage, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Equal($"Migrate error: there is no LiteDB database at '{LiteDbFile}' (Storage:DatabasePath) to copy.", Assert.Single(BuiltApp.Lines(noFile)));
    }

    private string[] Migrate(string connectionString)
    {
        var (code, output, error) = BuiltApp.Run(_folder.Path, Settings(connectionString), "migrate-store", "--from", "LiteDB", "--to", "PostgreSQL");
        Assert.True(code == 0, $"exit {code}: {error}");
        return BuiltApp.Lines(output);
    }

    private Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage__DatabasePath"] = LiteDbFile,
        ["Storage__ConnectionString"] = connectionString,
        ["Content__Directory"] = Paths.Library,
        ["Content__Watch"] = "false",
    };

    private static List<string> Answers(IScoreStore store) =>
        [.. store.Log().Select(a => $"{a.Id} {a.GuildId} {a.UserId} {a.UserName} {a.Correct} {a.Points} {a.At.UtcTicks}")];

    private static List<string> Totals(IScoreStore store) =>
        [.. store.AllTotals().Select(t => $"{t.Id} {t.Points} {t.Answers} {t.Right} {t.Run} {t.StreakDays} {t.LastDay} {t.RankKey}").Order(StringComparer.Ordinal)];
}
