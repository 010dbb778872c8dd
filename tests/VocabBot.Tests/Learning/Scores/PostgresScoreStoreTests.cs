using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
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

    [SkippableFact]
    public async Task DatabaseWithARowADay_KeepsEveryDaysCounts_InItsWeeks()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var older = new PostgresTestDatabase(server);
        var database = await older.CreateAsync(PostgresScoreStore.Migrations.Where(m => m.Id != "scores/003"));
        // As the version with a row a day wrote them: two servers, two members, days on both sides of week ends.
        (string Guild, string User, DateOnly Day, int Answers, int Right)[] days =
        [
            ("1", "u1", new(2026, 11, 29), 3, 2), // a Sunday
            ("1", "u1", new(2026, 11, 30), 5, 5), // the Monday after
            ("1", "u1", new(2026, 12, 2), 1, 0),
            ("1", "u2", new(2026, 12, 2), 4, 1),
            ("2", "u1", new(2026, 1, 1), 2, 2),
        ];
        await using (var connection = database.Open())
        {
            foreach (var (guild, user, day, answers, right) in days)
            {
                await using var insert = new NpgsqlCommand(
                    "INSERT INTO score_days (guild_id, user_id, day, answers, right_answers) VALUES ($1, $2, $3, $4, $5)", connection);
                foreach (var value in new object[] { guild, user, day, answers, right })
                    insert.Parameters.Add(new NpgsqlParameter { Value = value });
                await insert.ExecuteNonQueryAsync();
            }
        }

        var applied = await new SchemaMigrator(database, PostgresScoreStore.Migrations, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(["scores/003"], applied);
        var store = new PostgresScoreStore(database);
        Assert.Equal(
            [new DayCount(new(2026, 11, 29), 3, 2), new DayCount(new(2026, 11, 30), 5, 5), new DayCount(new(2026, 12, 2), 1, 0)],
            store.DailyCounts("1", "u1", new(2026, 1, 1), new(2026, 12, 31)));
        Assert.Equal([new DayCount(new(2026, 11, 30), 5, 5)], store.DailyCounts("1", "u1", new(2026, 11, 30), new(2026, 12, 1)));
        Assert.Equal([new DayCount(new(2026, 12, 2), 4, 1)], store.DailyCounts("1", "u2", new(2025, 12, 3), new(2026, 12, 3)));
        Assert.Equal([new DayCount(new(2026, 1, 1), 2, 2)], store.DailyCounts("2", "u1", new(2025, 12, 3), new(2026, 12, 3)));
        Assert.Empty(store.DailyCounts("2", "u2", new(2025, 12, 3), new(2026, 12, 3)));
    }
}
