using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Learning;

public sealed class ScoreTests
{
    [Fact]
    public async Task Points_TenPerRightAnswer_FiveMoreFromTheThirdInARow()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        bool[] answers = [true, true, true, true, false, true, true, true];

        var points = answers.Select(right => board.Record("guild", "u1", "Ann", "word", right, bot.Time.GetUtcNow()).Points).ToList();

        Assert.Equal([10, 10, 15, 15, 0, 10, 10, 15], points);
    }

    [Fact]
    public async Task Points_GivenExplicitly_AreStoredAsGiven_AndTheAnswerStillCountsInTheRunAndTotals()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        var now = bot.Time.GetUtcNow();

        var points = new[] { (true, 7), (true, 3), (false, 0) }.Select(a => board.Record("guild", "u1", "Ann", "word", a.Item1, now, a.Item2).Points).ToList();
        var afterRun = board.Record("guild", "u1", "Ann", "word", true, now);

        Assert.Equal([7, 3, 0], points);
        Assert.Equal(10, afterRun.Points);
        var totals = board.TotalsOf("guild", "u1")!;
        Assert.Equal((20, 4, 3, 1), (totals.Points, totals.Answers, totals.Right, totals.Run));
    }

    [Fact]
    public async Task Points_RunIsPerGuild()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        var now = bot.Time.GetUtcNow();
        board.Record("g1", "u1", "Ann", "a", true, now);
        board.Record("g1", "u1", "Ann", "b", true, now);

        Assert.Equal(10, board.Record("g2", "u1", "Ann", "c", true, now).Points);
        Assert.Equal(15, board.Record("g1", "u1", "Ann", "c", true, now).Points);
    }

    [Fact]
    public async Task DayStreak_CountsLocalDaysOfTheGuildsZone()
    {
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Learning:GuildTimeZones:utc"] = "UTC" });
        var board = bot.Get<Scoreboard>();
        // 2026-01-05 15:30 UTC is 23:30 in Taipei; 16:30 UTC is already 00:30 on the 6th there.
        foreach (var guild in new[] { "guild", "utc" })
        {
            board.Record(guild, "u1", "Ann", "a", true, new DateTimeOffset(2026, 1, 5, 15, 30, 0, TimeSpan.Zero));
            board.Record(guild, "u1", "Ann", "b", false, new DateTimeOffset(2026, 1, 5, 16, 30, 0, TimeSpan.Zero));
        }

        var now = new DateTimeOffset(2026, 1, 5, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(2, board.DayStreak("guild", "u1", now));
        Assert.Equal(1, board.DayStreak("utc", "u1", now));
        Assert.Equal(0, board.DayStreak("other", "u1", now));
    }

    [Fact]
    public async Task DayStreak_AliveUntilADayIsMissed()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        var day = new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero); // 12:00 in Taipei
        var streaks = new[] { 0, 1, 2, 4, 5 }.Select(offset =>
        {
            board.Record("guild", "u1", "Ann", "a", true, day.AddDays(offset));
            return board.DayStreak("guild", "u1", day.AddDays(offset));
        }).ToList();

        Assert.Equal([1, 2, 3, 1, 2], streaks);

        Assert.Equal(2, board.DayStreak("guild", "u1", day.AddDays(5)));
        Assert.Equal(2, board.DayStreak("guild", "u1", day.AddDays(6)));
        Assert.Equal(0, board.DayStreak("guild", "u1", day.AddDays(7)));
    }

    [Fact]
    public async Task Stats_ShowsPointsAnswersAccuracyStreakLearnedAndDue()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "4"));
        await bot.AnswerAllAsync("u1", quiz, i => i != 3);
        bot.Time.Advance(TimeSpan.FromDays(1));

        var reply = await bot.SendAsync("u1", "stats");

        Assert.True(reply.Ephemeral);
        Assert.Equal("35 points, a 1-day streak, 1 word due now.", reply.Text);
        Assert.Equal("Stats for Name of u1", reply.Card!.Title);
        Assert.Equal(
            ["Points: 35", "Answers: 4", "Accuracy: 75%", "Day streak: 1 day", "Words learned: 3", "Due now: 1"],
            reply.Card.Fields.Select(f => $"{f.Name}: {f.Value}"));
        Assert.Equal("Next word due in 3 days", reply.Card.Footer);
    }

    [Fact]
    public async Task Stats_NoAnswers_SaysHowToStart()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "stats");

        Assert.Equal("No answers yet; /quiz starts one.", reply.Text);
        Assert.Equal("Answer a /quiz to start reviewing", reply.Card!.Footer);
    }
}
