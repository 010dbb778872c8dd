using LiteDB;
using VocabBot.Chat;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;

namespace VocabBot.Tests.Learning;

/// <summary>A LiteDB file as the version before the quiz and review stores wrote it opens with nothing lost.</summary>
public sealed class OlderDatabaseTests
{
    private static readonly DateTime Started = TestBot.Start.UtcDateTime;

    [Fact]
    public async Task FileFromBeforeTheStores_KeepsItsQuizMemoryAndStats_AndTheQuizGoesOn()
    {
        using var folder = new TempFolder();
        var path = folder.File("vocabbot.db");
        WriteAsTheOlderVersionDid(path);

        await using var bot = await TestBot.StartAsync(databasePath: path, time: new(TestBot.Start.AddMinutes(1)));

        var quiz = bot.Get<IQuizStore>().Find("abc123def456")!;
        Assert.Equal(("u1", "Name of u1", "guild", QuizMode.Quiz, 1, 1, 10, QuizStatus.Open), (quiz.UserId, quiz.UserName, quiz.GuildId, quiz.Mode, quiz.Current, quiz.Right, quiz.Points, quiz.Status));
        Assert.Equal([0, null], quiz.Questions.Select(q => q.Chosen));
        Assert.Equal(["合約", "協議", "貸款", "時代"], quiz.Questions[1].Options);
        var memory = bot.Get<IReviewStore>();
        Assert.Equal(3.7145, memory.Find("u1", "contract")!.Stability, 4);
        Assert.Equal(new ReviewSummary(1, 1, TestBot.Start.AddDays(4)), memory.Summary("u1", TestBot.Start.AddMinutes(1)));

        // The second question of the stored quiz is answered where it was left.
        var answered = await bot.ClickAsync("u1", new ChatButton("協議", new ButtonId("quiz", "abc123def456", "1", "1")));
        Assert.StartsWith("✅ Right! +10 points", answered.Text, StringComparison.Ordinal);
        var stats = await bot.SendAsync("u1", "stats");
        Assert.Contains("Words learned: 2", stats.Card!.Fields.Select(f => $"{f.Name}: {f.Value}"));
    }

    /// <summary>The "quizzes" and "memory" documents exactly as the earlier QuizSessions and ReviewMemory stored them.</summary>
    private static void WriteAsTheOlderVersionDid(string path)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        var quizzes = database.GetCollection("quizzes");
        quizzes.EnsureIndex("UserId", "$.UserId");
        quizzes.EnsureIndex("LastActivity", "$.LastActivity");
        quizzes.Insert(new BsonDocument
        {
            ["_id"] = "abc123def456",
            ["UserId"] = "u1",
            ["UserName"] = "Name of u1",
            ["GuildId"] = "guild",
            ["Mode"] = "Quiz",
            ["Questions"] = new BsonArray(
                Question("contract", "What does “contract” mean?", ["合約", "協議", "貸款", "時代"], answer: 0, chosen: 0),
                Question("deal", "What does “deal” mean?", ["合約", "協議", "貸款", "時代"], answer: 1, chosen: null)),
            ["Current"] = 1,
            ["Right"] = 1,
            ["Points"] = 10,
            ["Status"] = "Open",
            ["StartedAt"] = Started,
            ["LastActivity"] = Started,
        });
        var memory = database.GetCollection("memory");
        memory.EnsureIndex("UserId", "$.UserId");
        memory.Insert(Memory("contract", stability: 3.7145, due: Started.AddDays(4), correct: true));
        memory.Insert(Memory("era", stability: 0.4872, due: Started, correct: false));
    }

    private static BsonDocument Question(string key, string prompt, string[] options, int answer, int? chosen) => new()
    {
        ["WordKey"] = key,
        ["Headword"] = key,
        ["Kind"] = "Meaning",
        ["Prompt"] = prompt,
        ["Options"] = new BsonArray(options.Select(o => new BsonValue(o))),
        ["Answer"] = answer,
        ["Chosen"] = chosen is { } c ? new BsonValue(c) : BsonValue.Null,
        ["Meaning"] = options[answer],
        ["Example"] = $"A {key}.",
    };

    private static BsonDocument Memory(string key, double stability, DateTime due, bool correct) => new()
    {
        ["_id"] = $"u1|{key}",
        ["UserId"] = "u1",
        ["WordKey"] = key,
        ["Stability"] = stability,
        ["Difficulty"] = 5.1618,
        ["LastReview"] = Started,
        ["Due"] = due,
        ["Reviews"] = 1,
        ["Lapses"] = correct ? 0 : 1,
        ["LastCorrect"] = correct,
    };
}
