using VocabBot.Learning.Review;
using VocabBot.Storage;

namespace VocabBot.Tests.Learning.Review;

/// <summary>What every review store must do, run against each one (LiteDB here; PostgreSQL beside it).</summary>
public abstract class ReviewStoreContract
{
    private protected static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private protected abstract IReviewStore Store { get; }

    private protected abstract IStoreTransactions Transactions { get; }

    private protected virtual string? SkipReason => null;

    [SkippableFact]
    public void Save_ThenFind_RoundTrips_PerMember()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var state = State("ada", "deal", due: Now.AddDays(3), lastReview: Now.AddDays(-1), correct: true);
        state.Stability = 3.7145;
        state.Difficulty = 5.1618;
        state.Reviews = 2;
        state.Lapses = 1;

        Store.Save(state);

        var found = Store.Find("ada", "deal")!;
        Assert.Equal((state.Id, 3.7145, 5.1618, Now.AddDays(3), Now.AddDays(-1), 2, 1, true),
            (found.Id, found.Stability, found.Difficulty, found.Due, found.LastReview, found.Reviews, found.Lapses, found.LastCorrect));
        Assert.Null(Store.Find("bob", "deal"));
        state.LastCorrect = false;
        Store.Save(state);
        Assert.False(Store.Find("ada", "deal")!.LastCorrect);
    }

    [SkippableFact]
    public void QueuesAmongAndSummary_MatchTheMembersWholeMemory_PageByPage()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var random = new Random(5);
        var states = new List<MemoryState>();
        for (var i = 0; i < 300; i++)
        {
            // Some share a due time, so the word key decides their order.
            var due = Now.AddHours(random.Next(-200, 200) / 4 * 4);
            var state = State(i % 5 == 0 ? "bob" : "ada", $"w{random.Next(1000):D3}", due, due.AddDays(-random.Next(1, 30)).AddMinutes(i), random.Next(3) > 0);
            states.RemoveAll(s => s.Id == state.Id);
            states.Add(state);
            Store.Save(state);
        }

        var ada = states.Where(s => s.UserId == "ada").ToList();
        var byDue = ada.OrderBy(s => s.Due).ThenBy(s => s.WordKey, StringComparer.Ordinal).ToList();
        var expected = new Dictionary<ReviewQueue, List<string>>
        {
            [ReviewQueue.Due] = Keys(byDue.Where(s => s.Due <= Now)),
            [ReviewQueue.Missed] = Keys(ada.Where(s => s.Due > Now && !s.LastCorrect).OrderBy(s => s.LastReview).ThenBy(s => s.WordKey, StringComparer.Ordinal)),
            [ReviewQueue.Learned] = Keys(byDue.Where(s => s.Due > Now && s.LastCorrect)),
            [ReviewQueue.Upcoming] = Keys(byDue.Where(s => s.Due > Now)),
        };

        foreach (var (queue, keys) in expected)
        {
            var paged = new List<string>();
            for (var skip = 0; skip <= keys.Count; skip += 7)
                paged.AddRange(Store.Queue("ada", queue, Now, skip, 7).Select(e => e.WordKey));
            Assert.Equal(keys, paged);
        }

        var summary = Store.Summary("ada", Now);
        Assert.Equal(new ReviewSummary(ada.Count(s => s.LastCorrect), ada.Count(s => s.Due <= Now), ada.Where(s => s.Due > Now).Min(s => s.Due)), summary);
        var asked = new[] { "w001", "nope" }.Concat(ada.Take(5).Select(s => s.WordKey)).ToList();
        Assert.Equal(Keys(ada.Where(s => asked.Contains(s.WordKey)).OrderBy(s => s.WordKey, StringComparer.Ordinal)),
            Store.Among("ada", asked).Select(e => e.WordKey).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public void Summary_NoMemory_IsEmpty()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Assert.Equal(new ReviewSummary(0, 0, null), Store.Summary("nobody", Now));
        Assert.Empty(Store.Queue("nobody", ReviewQueue.Due, Now, 0, 10));
    }

    [SkippableFact]
    public void Save_InATransactionThatFails_IsUndone_AlsoInTheCounts()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Save(State("ada", "deal", Now.AddDays(-1), Now.AddDays(-2), correct: false));
        Assert.Equal(new ReviewSummary(0, 1, null), Store.Summary("ada", Now)); // read once: LiteDB keeps it from here

        Assert.Throws<InvalidOperationException>(() => Transactions.Run<bool>(() =>
        {
            Store.Save(State("ada", "deal", Now.AddDays(4), Now, correct: true));
            throw new InvalidOperationException("the score could not be written");
        }));

        Assert.Equal(new ReviewSummary(0, 1, null), Store.Summary("ada", Now));
        Assert.Equal(["deal"], Store.Queue("ada", ReviewQueue.Due, Now, 0, 10).Select(e => e.WordKey));
    }

    private protected static MemoryState State(string user, string key, DateTimeOffset due, DateTimeOffset lastReview, bool correct) => new()
    {
        Id = MemoryState.IdFor(user, key),
        UserId = user,
        WordKey = key,
        Stability = 1,
        Difficulty = 5,
        Due = due,
        LastReview = lastReview,
        Reviews = 1,
        LastCorrect = correct,
    };

    private static List<string> Keys(IEnumerable<MemoryState> states) => [.. states.Select(s => s.WordKey)];
}

/// <summary>The contract on the embedded store, in memory.</summary>
public sealed class LiteDbReviewStoreTests : ReviewStoreContract, IDisposable
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    public LiteDbReviewStoreTests()
    {
        Store = new LiteDbReviewStore(_database);
        Transactions = new LiteDbTransactions(_database);
    }

    private protected override IReviewStore Store { get; }

    private protected override IStoreTransactions Transactions { get; }

    public void Dispose() => _database.Dispose();
}
