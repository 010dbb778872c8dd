using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Learning.Quiz;

/// <summary>The contract on PostgreSQL, on a throwaway server; and the double click that only two processes can make.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQuizStoreTests(PostgresServer server) : QuizStoreContract, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new(server);
    private IQuizStore? _store;
    private IStoreTransactions? _transactions;

    private protected override IQuizStore Store => _store ?? throw new InvalidOperationException("no database");

    private protected override IStoreTransactions Transactions => _transactions ?? throw new InvalidOperationException("no database");

    private protected override string? SkipReason => server.SkipReason;

    public async Task InitializeAsync()
    {
        if (server.SkipReason is not null)
            return;
        var database = await _database.CreateAsync(PostgresQuizStore.Migrations);
        (_store, _transactions) = (new PostgresQuizStore(database), new PostgresTransactions(database));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [SkippableFact]
    public async Task AnswerClickedInTwoProcessesAtOnce_IsRecordedOnce()
    {
        Skip.If(SkipReason is not null, SkipReason);
        // Two bots on one PostgreSQL database, each with its own pool, as two processes have.
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = _database.ConnectionString };
        await using var first = await TestBot.StartAsync(settings: settings);
        await using var second = await TestBot.StartAsync(settings: settings);
        const int rounds = 10;

        for (var round = 0; round < rounds; round++)
        {
            var quiz = await first.SendAsync("u1", "quiz", ("count", "1"));
            var (right, wrong) = (first.RightButton(quiz), first.WrongButton(quiz));
            using var ready = new Barrier(2);
            var replies = await Task.WhenAll(
                Task.Run(() => { ready.SignalAndWait(TimeSpan.FromSeconds(10)); return first.ClickAsync("u1", right); }),
                Task.Run(() => { ready.SignalAndWait(TimeSpan.FromSeconds(10)); return second.ClickAsync("u1", wrong); })).WaitAsync(TimeSpan.FromSeconds(30));

            var recorded = Assert.Single(replies, r => r.Text != TestText.AlreadyAnswered);
            Assert.Single(replies, r => r.Text == TestText.AlreadyAnswered);
            var chosen = first.QuestionOf(quiz).Chosen;
            Assert.Equal(recorded.Text.StartsWith("✅", StringComparison.Ordinal) ? first.QuestionOf(quiz).Answer : (first.QuestionOf(quiz).Answer + 1) % 4, chosen);
        }

        var scores = first.Get<IScoreStore>();
        var totals = scores.Find("guild", ScoreTotals.AllTime, "u1")!;
        Assert.Equal(rounds, totals.Answers);
        Assert.Equal(rounds, scores.Log().Count());
        Assert.Equal(scores.Log().Sum(a => a.Points), totals.Points);
        var memory = first.Get<IReviewStore>();
        var reviewed = scores.Log().Select(a => a.WordKey).Distinct().Select(key => memory.Find("u1", key)!.Reviews).Sum();
        Assert.Equal(rounds, reviewed);
    }
}
