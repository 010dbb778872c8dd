using Microsoft.Extensions.Options;
using VocabBot.Learning;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Learning.Scores;

/// <summary>The contract on PostgreSQL, on a throwaway server; and what only a shared database can get wrong.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresScoreStoreTests(PostgresServer server) : ScoreStoreContract, IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = new(server);
    private IScoreStore? _store;
    private IStoreTransactions? _transactions;

    private protected override IScoreStore Store => _store ?? throw new InvalidOperationException("no database");

    private protected override IStoreTransactions Transactions => _transactions ?? throw new InvalidOperationException("no database");

    private protected override string? SkipReason => server.SkipReason;

    public async Task InitializeAsync()
    {
        if (server.SkipReason is not null)
            return;
        var database = await _database.CreateAsync(PostgresScoreStore.Migrations);
        _store = new PostgresScoreStore(database);
        _transactions = new PostgresTransactions(database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [SkippableFact]
    public async Task OneMembersAnswers_FromTwoProcessesAtOnce_AllAddUp()
    {
        Skip.If(SkipReason is not null, SkipReason);
        // Two pools on one database, as two processes have: each answer reads the totals and writes them back.
        var boards = new[] { Store, new PostgresScoreStore(_database.Another()) }
            .Select(store => new Scoreboard(store, Options.Create(new LearningOptions()))).ToList();
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(boards.Select(board => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
                board.Record("1", "u1", "Ann", "w", i % 4 > 0, at.AddSeconds(i));
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var totals = Store.Find("1", ScoreTotals.AllTime, "u1")!;
        Assert.Equal((200, 150), (totals.Answers, totals.Right));
        Assert.Equal(Store.Log().Sum(a => a.Points), totals.Points);
    }
}
