using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Learning;

public sealed class LeaderboardTests
{
    [Fact]
    public async Task Leaderboard_TopTenPlusTheCallersOwnRank()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        for (var user = 1; user <= 12; user++)
        {
            // User n answers 13 - n right, each followed by a wrong one: 10 points each, no run bonus.
            for (var answer = 0; answer < 2 * (13 - user); answer++)
                board.Record("guild", $"u{user}", $"User {user}", "w", answer % 2 == 0, bot.Time.GetUtcNow());
        }

        var reply = await bot.SendAsync("u12", "leaderboard");

        var lines = reply.Text.Split('\n');
        Assert.Equal("Leaderboard, all time:", lines[0]);
        Assert.Equal("1. User 1: 120 points, 50% right of 24", lines[1]);
        Assert.Equal(11, lines.Count(l => char.IsAsciiDigit(l[0])));
        Assert.Equal("…", lines[^2]);
        Assert.Equal("12. User 12 (you): 10 points, 50% right of 2", lines[^1]);
        Assert.False(reply.Ephemeral);
    }

    [Fact]
    public async Task Leaderboard_Ties_HigherAccuracyThenWhoGotThereFirst()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        var t = bot.Time.GetUtcNow();
        // Late and Early both have 20 points from 2 of 2; Early reached 20 a minute sooner. Sloppy has 20 from 2 of 3.
        board.Record("guild", "sloppy", "Sloppy", "w", false, t);
        board.Record("guild", "sloppy", "Sloppy", "w", true, t);
        board.Record("guild", "sloppy", "Sloppy", "w", true, t);
        board.Record("guild", "late", "Late", "w", true, t);
        board.Record("guild", "late", "Late", "w", true, t.AddMinutes(2));
        board.Record("guild", "early", "Early", "w", true, t);
        board.Record("guild", "early", "Early", "w", true, t.AddMinutes(1));

        var reply = await bot.SendAsync("early", "leaderboard");

        Assert.Equal(
            ["Leaderboard, all time:", "1. Early (you): 20 points, 100% right of 2", "2. Late: 20 points, 100% right of 2", "3. Sloppy: 20 points, 67% right of 3"],
            reply.Text.Split('\n'));
    }

    [Fact]
    public async Task Leaderboard_Week_CountsOnlyThisIsoWeekInTheServersZone()
    {
        // Monday 2026-01-05 00:30 in Taipei is still Sunday 16:30 UTC: Taipei's week has begun, UTC's has not.
        var monday = new DateTimeOffset(2026, 1, 4, 16, 30, 0, TimeSpan.Zero);
        await using var bot = await TestBot.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(monday.AddHours(1)));
        var board = bot.Get<Scoreboard>();
        board.Record("guild", "old", "Old", "w", true, monday.AddMinutes(-40)); // Sunday 23:50 in Taipei
        board.Record("guild", "new", "New", "w", true, monday);

        var week = await bot.SendAsync("new", "leaderboard", ("period", "week"));
        var all = await bot.SendAsync("new", "leaderboard", ("period", "all"));

        Assert.Equal("Leaderboard, this week (from Monday):\n1. New (you): 10 points, 100% right of 1", week.Text);
        Assert.Contains("Old", all.Text);
    }

    [Fact]
    public async Task Leaderboard_OnlyThisGuild_AndNamesNeverPing()
    {
        await using var bot = await TestBot.StartAsync();
        var board = bot.Get<Scoreboard>();
        board.Record("guild", "u1", "@everyone", "w", true, bot.Time.GetUtcNow());
        board.Record("other", "u2", "Elsewhere", "w", true, bot.Time.GetUtcNow());

        var reply = await bot.SendAsync("u3", "leaderboard");

        Assert.Equal("Leaderboard, all time:\n1. @\u200beveryone: 10 points, 100% right of 1\nYou are not on it yet; /quiz earns points.", reply.Text);
    }

    [Fact]
    public async Task Leaderboard_Empty_SaysBeTheFirst()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "leaderboard", ("period", "week"));

        Assert.Equal("Leaderboard, this week (from Monday): no answers yet; be the first with /quiz.", reply.Text);
    }

    [Fact]
    public async Task Leaderboard_BadPeriodOrNoGuild_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var period = await bot.SendAsync("u1", "leaderboard", ("period", "month"));
        var direct = await bot.SendInAsync(null, "u1", "leaderboard");

        Assert.Equal("The period is 'all' or 'week', not 'month'; e.g. /leaderboard week.", period.Text);
        Assert.Equal("Leaderboards are per server; use /leaderboard in a server, or /stats here.", direct.Text);
        Assert.True(period.Ephemeral && direct.Ephemeral);
    }
}
