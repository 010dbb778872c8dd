using VocabBot.Learning.Quiz;
using VocabBot.Race;
using VocabBot.Storage;

namespace VocabBot.Tests.Race;

/// <summary>What every race store must do, run against each one (LiteDB here; PostgreSQL beside it).</summary>
public abstract class RaceStoreContract
{
    private protected static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private protected abstract IRaceStore Store { get; }

    private protected abstract IStoreTransactions Transactions { get; }

    /// <summary>A second store on the same data, as a second process has; the same store where one process owns the data.</summary>
    private protected virtual IRaceStore Other => Store;

    private protected virtual string? SkipReason => null;

    [SkippableFact]
    public void Start_KeepsOneRunningRacePerChannel_UntilItFinishes()
    {
        Skip.If(SkipReason is not null, SkipReason);

        Assert.Null(Store.Start(Race("r1", "c1"), Now));
        Assert.Equal("r1", Store.Start(Race("r2", "c1"), Now)?.Id);
        Assert.Null(Store.Start(Race("r3", "c2"), Now));
        Assert.True(Store.Finish("r1"));
        Assert.False(Store.Finish("r1"));

        Assert.Null(Store.Start(Race("r2", "c1"), Now));
        Assert.Equal(["r2", "r3"], Store.Running().Select(r => r.Id).Order());
        Assert.Equal("r2", Store.RunningIn("c1")?.Id);
    }

    // One process runs each race; when it dies, another takes the race once the lease ran out, and a clean stop gives it up at once.
    [SkippableFact]
    public void Claim_OneProcessHoldsARace_UntilItsLeaseRunsOutOrItLetsGo()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);
        var lease = TimeSpan.FromSeconds(15);

        var first = Store.Claim("r1", "a", Now, Now + lease);
        var taken = Other.Claim("r1", "b", Now.AddSeconds(10), Now.AddSeconds(10) + lease);
        var renewed = Store.Claim("r1", "a", Now.AddSeconds(10), Now.AddSeconds(10) + lease);
        var afterRenewal = Other.Claim("r1", "b", Now.AddSeconds(20), Now.AddSeconds(20) + lease);
        var afterItRanOut = Other.Claim("r1", "b", Now.AddSeconds(25), Now.AddSeconds(25) + lease);
        var backToA = Store.Claim("r1", "a", Now.AddSeconds(26), Now.AddSeconds(26) + lease);
        Other.Release("r1", "b");
        var afterRelease = Store.Claim("r1", "a", Now.AddSeconds(27), Now.AddSeconds(27) + lease);

        Assert.Equal((true, false, true, false, true, false, true), (first, taken, renewed, afterRenewal, afterItRanOut, backToA, afterRelease));
    }

    [SkippableFact]
    public void Find_ReturnsTheRaceAsStarted()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var started = Race("r1", "c1");

        Store.Start(started, Now);

        Assert.Equal(Describe(started), Describe(Store.Find("r1")!));
        Assert.Null(Store.Find("nope"));
    }

    [SkippableFact]
    public void Answer_CountsOncePerMemberAndRound_InTheOrderAccepted()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);

        Assert.Equal(AnswerOutcome.Accepted, Store.Answer(Answer("r1", 0, "bob", 2)));
        Assert.Equal(AnswerOutcome.AlreadyAnswered, Store.Answer(Answer("r1", 0, "bob", 1)));
        Assert.Equal(AnswerOutcome.Accepted, Store.Answer(Answer("r1", 0, "ada", 1)));

        Assert.Equal(2, Store.AnswerOf("r1", 0, "bob")?.Option);
        Assert.Null(Store.AnswerOf("r1", 0, "cy"));
        Assert.Equal(["bob", "ada"], Store.Answers("r1").Select(a => a.UserId));
    }

    [SkippableFact]
    public void Answer_ToARoundThatIsNotOpen_IsRoundOver()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);

        Assert.Equal(AnswerOutcome.RoundOver, Store.Answer(Answer("r1", 1, "bob", 0)));
        Assert.True(Store.CloseRound("r1", 0));
        Assert.Equal(AnswerOutcome.RoundOver, Store.Answer(Answer("r1", 0, "bob", 0)));
        Assert.Equal(AnswerOutcome.RoundOver, Store.Answer(Answer("nope", 0, "bob", 0)));
        Assert.Empty(Store.Answers("r1"));
    }

    [SkippableFact]
    public void Rounds_CloseOnce_AndOpenOnlyAfterTheOneBefore()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);
        Store.SetMessage("r1", 0, "m0");

        Assert.False(Store.OpenRound("r1", 1, Now.AddSeconds(40)));
        Assert.True(Store.CloseRound("r1", 0));
        Assert.False(Other.CloseRound("r1", 0));
        Assert.True(Store.OpenRound("r1", 1, Now.AddSeconds(40)));
        Assert.False(Other.OpenRound("r1", 1, Now.AddSeconds(50)));

        var race = Store.Find("r1")!;
        Assert.Equal((1, 0, Now.AddSeconds(40), null, true), (race.Current, race.Closed, race.Deadline, race.MessageId, race.RoundOpen));
        Store.SetMessage("r1", 1, "m1");
        Assert.True(Store.CloseRound("r1", 1));
        Assert.Equal("m1", Store.Find("r1")!.MessageId);
        Assert.False(Store.OpenRound("r1", 2, Now.AddSeconds(80))); // the race has two questions
    }

    [SkippableFact]
    public void CloseRound_InATransactionThatFails_IsUndone()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);

        Assert.Throws<InvalidOperationException>(() => Transactions.Run<bool>(() =>
            Store.CloseRound("r1", 0) ? throw new InvalidOperationException("the points could not be written") : false));

        Assert.True(Store.Find("r1")!.RoundOpen);
        Assert.True(Store.CloseRound("r1", 0));
    }

    [SkippableFact]
    public async Task Answer_TwoClicksOfOneMemberAtOnce_StoreOne()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);

        for (var user = 0; user < 10; user++)
        {
            using var ready = new Barrier(2);
            var name = $"u{user}";
            var outcomes = await Task.WhenAll(new[] { Store, Other }.Select((store, option) => Task.Run(() =>
            {
                ready.SignalAndWait(TimeSpan.FromSeconds(10));
                return store.Answer(Answer("r1", 0, name, option));
            }))).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal([AnswerOutcome.Accepted, AnswerOutcome.AlreadyAnswered], outcomes.Order());
        }

        Assert.Equal(10, Store.Answers("r1").Select(a => a.UserId).Distinct().Count());
        Assert.Equal(10, Store.Answers("r1").Count);
    }

    [SkippableFact]
    public void StopAndFinish_AreRecordedOnce()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("r1", "c1"), Now);

        Assert.True(Store.RequestStop("r1", "Ada"));
        Assert.True(Store.RequestStop("r1", "Bob"));
        Assert.Equal((true, "Ada"), (Store.Find("r1")!.StopRequested, Store.Find("r1")!.StoppedBy));
        Assert.True(Store.Finish("r1"));
        Assert.False(Store.RequestStop("r1", "Bob"));
        Assert.Empty(Store.Running());
        Assert.Null(Store.RunningIn("c1"));
    }

    [SkippableFact]
    public void Start_DropsRacesFinishedOverADayAgo()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Store.Start(Race("old", "c1", Now - TimeSpan.FromHours(25)), Now - TimeSpan.FromHours(25));
        Store.Answer(Answer("old", 0, "bob", 0));
        Store.Finish("old");
        Store.Start(Race("recent", "c2", Now - TimeSpan.FromHours(23)), Now - TimeSpan.FromHours(23));
        Store.Finish("recent");

        Store.Start(Race("new", "c1"), Now);

        Assert.Null(Store.Find("old"));
        Assert.Empty(Store.Answers("old"));
        Assert.NotNull(Store.Find("recent"));
    }

    private static RaceRecord Race(string id, string channel, DateTimeOffset? started = null) => new()
    {
        Id = id,
        GuildId = "g1",
        ChannelId = channel,
        StarterId = "ada",
        StarterName = "Ada",
        Locale = "zh-TW",
        AnswerTime = TimeSpan.FromSeconds(20),
        Deadline = (started ?? Now) + TimeSpan.FromSeconds(20),
        StartedAt = started ?? Now,
        Questions =
        [
            new() { WordKey = "era", Headword = "era", Kind = QuestionKind.Meaning, Prompt = "What does “era” mean?", Options = ["估值", "處理器", "依賴", "時代；年代"], Answer = 3, Meaning = "時代；年代", Example = "The next era of AI." },
            new() { WordKey = "stake", Headword = "stake", Kind = QuestionKind.Cloze, Prompt = "Fill in: a smaller _____.", Options = ["stake", "era", "loan", "path"], Answer = 0, Meaning = "股份", Example = "A smaller stake." },
        ],
    };

    private static RaceAnswer Answer(string race, int round, string user, int option) =>
        new(race, round, user, $"Name of {user}", option, option == 3, Now.AddSeconds(5));

    private static string Describe(RaceRecord r) =>
        $"{r.Id}|{r.GuildId}|{r.ChannelId}|{r.StarterId}|{r.StarterName}|{r.Locale}|{r.AnswerTime}|{r.Current}|{r.Closed}|{r.Deadline.UtcTicks}|{r.MessageId}|{r.StopRequested}|{r.Finished}|{r.StartedAt.UtcTicks}|"
        + string.Join(";", r.Questions.Select(q => $"{q.WordKey},{q.Headword},{q.Kind},{q.Prompt},{string.Join('/', q.Options)},{q.Answer},{q.Meaning},{q.Example}"));
}

public sealed class LiteDbRaceStoreTests : RaceStoreContract, IDisposable
{
    private readonly VocabDatabase _database = new(new MemoryStream());

    public LiteDbRaceStoreTests()
    {
        Store = new LiteDbRaceStore(_database);
        Transactions = new LiteDbTransactions(_database);
    }

    private protected override IRaceStore Store { get; }

    private protected override IStoreTransactions Transactions { get; }

    public void Dispose() => _database.Dispose();
}
