using VocabBot.Learning.Quiz;
using VocabBot.Storage;

namespace VocabBot.Tests.Learning.Quiz;

/// <summary>What every quiz store must do, run against each one (LiteDB here; PostgreSQL beside it).</summary>
public abstract class QuizStoreContract
{
    private protected static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private protected abstract IQuizStore Store { get; }

    private protected abstract IStoreTransactions Transactions { get; }

    /// <summary>Why this store cannot be tested on this machine (no PostgreSQL); null when it can.</summary>
    private protected virtual string? SkipReason => null;

    [SkippableFact]
    public void Start_DropsQuizzesIdleForOverADay_KeepsTheRest()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Session("old", "ada", Now - TimeSpan.FromHours(25)), Now - TimeSpan.FromHours(25));
        Store.Start(Session("recent", "bob", Now - TimeSpan.FromHours(23)), Now - TimeSpan.FromHours(23));

        Store.Start(Session("new", "cy", Now), Now);

        Assert.Null(Store.Find("old"));
        Assert.NotNull(Store.Find("recent"));
        Assert.NotNull(Store.Find("new"));
    }

    [SkippableFact]
    public void Find_ReturnsTheQuizAsStarted()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var started = Session("q1", "ada", Now, guildId: null);

        Store.Start(started, Now);

        var found = Store.Find("q1")!;
        Assert.Equal(Describe(started), Describe(found));
        Assert.Null(Store.Find("nope"));
    }

    [SkippableFact]
    public void Find_ReturnsACorrectionQuestionAsAsked()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var started = Session("q1", "ada", Now);
        started.Questions.Add(new()
        {
            WordKey = "correction:000_openai_amazon.md#3",
            Headword = "ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon",
            Kind = QuestionKind.Correction,
            Prompt = "Which version of this sentence corrects every mistake?\n> Due to OpenAI didn't earn money in last quarter.",
            Options = ["Since OpenAI did not make a profit last quarter.", "Due to OpenAI did not make a profit last quarter.", "Since OpenAI didn't earn money in last quarter.", "Due to OpenAI didn't earn money in last quarter."],
            Answer = 0,
            Meaning = "~~Due to~~ **Since** OpenAI ~~didn't earn money in~~ **did not make a profit** last quarter.",
            Example = "Due to OpenAI didn't earn money in last quarter.",
        });

        Store.Start(started, Now);

        Assert.Equal(Describe(started), Describe(Store.Find("q1")!));
    }

    [SkippableFact]
    public void Start_ReplacesTheUsersOpenQuiz_NotOthers()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Session("first", "ada", Now), Now);
        Store.Start(Session("bobs", "bob", Now), Now);

        Store.Start(Session("second", "ada", Now.AddMinutes(1)), Now.AddMinutes(1));

        Assert.Equal(QuizStatus.Replaced, Store.Find("first")!.Status);
        Assert.Equal(QuizStatus.Open, Store.Find("second")!.Status);
        Assert.Equal(QuizStatus.Open, Store.Find("bobs")!.Status);
    }

    [SkippableFact]
    public void Choose_OnlyTheQuestionShown_AndOnlyOnce()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Session("q1", "ada", Now), Now);

        Assert.False(Store.Choose("q1", 1, 0)); // not shown yet
        Assert.True(Store.Choose("q1", 0, 2));
        Assert.False(Store.Choose("q1", 0, 1));
        Assert.False(Store.Choose("nope", 0, 1));

        Assert.Equal([2, null], Store.Find("q1")!.Questions.Select(q => q.Chosen));
    }

    [SkippableFact]
    public void AddResult_Advance_Expire_ChangeTheQuiz()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Session("q1", "ada", Now), Now);
        Store.Choose("q1", 0, 1);
        Store.AddResult("q1", correct: true, points: 15, Now.AddMinutes(1), finished: false);

        Assert.True(Store.Advance("q1", 0, Now.AddMinutes(2)));
        Assert.False(Store.Advance("q1", 0, Now.AddMinutes(2)));
        Store.Choose("q1", 1, 0);
        Store.AddResult("q1", correct: false, points: 0, Now.AddMinutes(3), finished: true);
        Store.Expire("q1"); // a finished quiz stays finished

        var quiz = Store.Find("q1")!;
        Assert.Equal((1, 1, 15, QuizStatus.Finished, Now.AddMinutes(3)), (quiz.Current, quiz.Right, quiz.Points, quiz.Status, quiz.LastActivity));
        Store.Start(Session("q2", "ada", Now), Now);
        Store.Expire("q2");
        Assert.Equal(QuizStatus.Expired, Store.Find("q2")!.Status);
    }

    [SkippableFact]
    public void Choose_InATransactionThatFails_IsUndone()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Session("q1", "ada", Now), Now);

        Assert.Throws<InvalidOperationException>(() => Transactions.Run<bool>(() =>
        {
            Store.Choose("q1", 0, 1);
            Store.AddResult("q1", true, 10, Now, finished: false);
            throw new InvalidOperationException("the score could not be written");
        }));

        var quiz = Store.Find("q1")!;
        Assert.Equal((null, 0), (quiz.Questions[0].Chosen, quiz.Points));
        Assert.True(Transactions.Run(() => Store.Choose("q1", 0, 3)));
    }

    [SkippableFact]
    public async Task Choose_ManyClicksAtOnce_OneWins()
    {
        Skip.If(SkipReason is not null, SkipReason);
        for (var round = 0; round < 10; round++)
        {
            var id = $"q{round}";
            Store.Start(Session(id, "ada", Now), Now);
            using var ready = new Barrier(4);
            var wins = await Task.WhenAll(Enumerable.Range(0, 4).Select(option => Task.Run(() =>
            {
                ready.SignalAndWait(TimeSpan.FromSeconds(10));
                return Transactions.Run(() => Store.Choose(id, 0, option));
            }))).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Single(wins, won => won);
            Assert.Equal(Array.IndexOf(wins, true), Store.Find(id)!.Questions[0].Chosen);
        }
    }

    private protected static QuizSession Session(string id, string userId, DateTimeOffset lastActivity, string? guildId = "g1") => new()
    {
        Id = id,
        UserId = userId,
        UserName = $"Name of {userId}",
        GuildId = guildId,
        Mode = QuizMode.Review,
        Questions =
        [
            new() { WordKey = "deal", Headword = "deal", Kind = QuestionKind.Meaning, Prompt = "What does “deal” mean?", Options = ["協議", "合約", "貸款", "時代"], Answer = 0, Meaning = "協議", Example = "A deal." },
            new() { WordKey = "era", Headword = "era", Kind = QuestionKind.Cloze, Prompt = "An ___ ended.", Options = ["loan", "era", "deal", "contract"], Answer = 1, Meaning = "時代", Example = "An era ended." },
        ],
        Status = QuizStatus.Open,
        StartedAt = lastActivity,
        LastActivity = lastActivity,
    };

    private static string Describe(QuizSession s) =>
        $"{s.Id} {s.UserId} {s.UserName} {s.GuildId ?? "null"} {s.Mode} {s.Current} {s.Right} {s.Points} {s.Status} {s.StartedAt.UtcTicks} {s.LastActivity.UtcTicks} "
        + string.Join(" / ", s.Questions.Select(q => $"{q.WordKey} {q.Headword} {q.Kind} {q.Prompt} {string.Join(",", q.Options)} {q.Answer} {q.Chosen} {q.Meaning} {q.Example}"));
}

/// <summary>The contract on the embedded store, in memory.</summary>
public sealed class LiteDbQuizStoreTests : QuizStoreContract, IDisposable
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    public LiteDbQuizStoreTests()
    {
        Store = new LiteDbQuizStore(_database);
        Transactions = new LiteDbTransactions(_database);
    }

    private protected override IQuizStore Store { get; }

    private protected override IStoreTransactions Transactions { get; }

    public void Dispose() => _database.Dispose();
}
