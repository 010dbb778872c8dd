using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning.Review;
using VocabBot.Learning.Scores;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Race;

/// <summary>Whole races through the fake Discord on a fake clock: Ana fastest and right, Bob right but slower, Cy wrong, Dee silent.</summary>
public sealed class RaceOverDiscordTests
{
    [Fact]
    public async Task Race_ThreeRounds_FastestRightWins_PointsGoToTheLeaderboardAndReview()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(learning: null, time: time);
        await bot.WaitUntilReadyAsync();
        var table = new RaceTable(bot, time);

        Assert.Equal("Your race starts now: 3 rounds, 10 s each. The question is posted in this channel for everyone.", await table.StartAsync("Ana", rounds: 3, seconds: 10));
        await table.WaitForPostsAsync(1);
        var first = RaceTable.Text(table.Posts[0]);
        Assert.StartsWith("🏁 Race, round 1/3: ", first, StringComparison.Ordinal);
        Assert.EndsWith($"\nAnswers close <t:{(TestBot.Start + TimeSpan.FromSeconds(10)).ToUnixTimeSeconds()}:R>.", first, StringComparison.Ordinal);
        Assert.Equal(["A", "B", "C", "D"], Buttons(table.Posts[0]).Select(b => b.GetProperty("label").GetString()));

        for (var round = 1; round <= 3; round++)
        {
            var (right, wrong) = table.Letters(round);
            Assert.Equal($"Locked in: {right}", await table.ClickAsync("Ana", round, right));
            // Bob and Cy click at the same instant, after Ana.
            var replies = await Task.WhenAll(table.ClickAsync("Bob", round, right), table.ClickAsync("Cy", round, wrong));
            Assert.Equal([$"Locked in: {right}", $"Locked in: {wrong}"], replies);
            if (round == 1)
            {
                // The first round runs its full time, even with everyone in.
                Assert.Empty(table.Edits);
                await table.AdvanceUntilEditsAsync(1);
                Assert.True(time.GetUtcNow() >= TestBot.Start + TimeSpan.FromSeconds(10));
            }
            else
            {
                // Every player of the race has answered: the round closes at once, before its deadline.
                var before = time.GetUtcNow();
                await table.WaitForEditsAsync(round);
                Assert.Equal(before, time.GetUtcNow());
            }

            var result = RaceTable.Text(table.Edits[round - 1]);
            Assert.Contains($"\nAnswer: {right}. ", result, StringComparison.Ordinal);
            Assert.Contains("\nExample: ", result, StringComparison.Ordinal);
            Assert.Contains("\nRight, fastest first: 1. Ana +10, 2. Bob +7\nWrong: Cy\n", result, StringComparison.Ordinal);
            Assert.Empty(Buttons(table.Edits[round - 1]));
            if (round < 3)
            {
                Assert.Contains("\nNext round <t:", result, StringComparison.Ordinal);
                await table.AdvanceUntilPostsAsync(round + 1);
                Assert.Contains("or as soon as all 3 players of this race have answered.", RaceTable.Text(table.Posts[round]), StringComparison.Ordinal);
            }
        }

        await table.WaitForPostsAsync(4);
        Assert.Equal(
            "🏆 Race results: 3 of 3 rounds played, started by Ana\n🥇 Ana: 30 points, 3 of 3 right\n🥈 Bob: 21 points, 3 of 3 right\n🥉 Cy: 0 points, 0 of 3 right\n"
            + "Every word was answered right by someone.\nPoints count on /leaderboard (all time and this week).",
            RaceTable.Text(table.Posts[3]));
        var scores = table.Get<Scoreboard>();
        Assert.Equal((30, 3, 3), Totals(scores, "Ana"));
        Assert.Equal((21, 3, 3), Totals(scores, "Bob"));
        Assert.Equal((0, 3, 0), Totals(scores, "Cy"));
        Assert.Null(scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Dee")));
        await table.WaitUntilFinishedAsync();
        var race = table.Store.Find(table.RaceId!)!;
        Assert.All(race.Questions, q => Assert.Equal(1, table.Get<ReviewMemory>().Find(RaceTable.IdOf("Bob"), q.WordKey)?.Reviews));
        AssertNoPings(bot);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task Race_DoubleClickAtOnce_CountsOnce_AndAClickOnAnOldRound_IsOver_AndASecondRaceIsRefused()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(learning: null, time: time);
        await bot.WaitUntilReadyAsync();
        var table = new RaceTable(bot, time);
        await table.StartAsync("Ana", rounds: 3, seconds: 10);
        await table.WaitForPostsAsync(1);
        var (right, wrong) = table.Letters(1);

        var replies = await Task.WhenAll(table.ClickAsync("Bob", 1, right), table.ClickAsync("Bob", 1, wrong));

        var locked = Assert.Single(replies, r => r.StartsWith("Locked in: ", StringComparison.Ordinal));
        Assert.Single(replies, r => r == $"You already answered this round: {locked[^1]}. One answer a round counts.");
        Assert.Equal("A race is already running in this channel: round 1 of 3, started by Ana. Answer its question above, or end it with /race stop.",
            await table.StartAsync("Cy"));
        await table.AdvanceUntilEditsAsync(1);
        await table.AdvanceUntilPostsAsync(2);
        Assert.Equal("That round is over.", await table.ClickAsync("Cy", 1, right));
        var bob = Assert.Single(table.Store.Answers(table.RaceId!));
        Assert.Equal(locked[^1] - 'A', bob.Option);
        Assert.Equal(bob.Correct ? 10 : 0, table.Get<Scoreboard>().TotalsOf(Interactions.GuildId, RaceTable.IdOf("Bob"))!.Points);
    }

    [Fact]
    public async Task Stop_ByAnotherMember_IsRefused_ByManageMessages_EndsWithResultsForTheRoundsPlayed()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await BotHarness.StartAsync(learning: null, time: time);
        await bot.WaitUntilReadyAsync();
        var table = new RaceTable(bot, time);
        Assert.Equal("No race is running in this channel; start one with /race start.", await table.StopAsync("Ana"));
        await table.StartAsync("Ana", rounds: 5, seconds: 10);
        await table.WaitForPostsAsync(1);
        await table.ClickAsync("Bob", 1, table.Letters(1).Right);

        Assert.Equal("Only Ana, who started this race, or a member with Manage Messages can stop it.", await table.StopAsync("Cy"));
        Assert.Equal("The race ends now; its results follow in this channel.", await table.StopAsync("Dee", RaceTable.ManageMessages));

        await table.WaitForPostsAsync(2);
        Assert.Equal(
            "🏆 Race results: 1 of 5 rounds played, started by Ana\nEnded early by Dee.\n🥇 Bob: 10 points, 1 of 1 right\n"
            + "Every word was answered right by someone.\nPoints count on /leaderboard (all time and this week).",
            RaceTable.Text(table.Posts[1]));
        Assert.Contains("Results follow.", RaceTable.Text(Assert.Single(table.Edits)), StringComparison.Ordinal);
        await table.WaitUntilFinishedAsync();
        Assert.Equal("No race is running in this channel; start one with /race start.", await table.StopAsync("Ana"));
        Assert.Equal(TestBot.Start, time.GetUtcNow());
    }

    private static (int Points, int Answers, int Right) Totals(Scoreboard scores, string name) =>
        scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf(name)) is { } t ? (t.Points, t.Answers, t.Right) : default;

    private static List<JsonElement> Buttons(JsonElement message) =>
        [.. message.GetProperty("components").EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray())];

    /// <summary>Every message the bot posted or edited in a channel pings nobody: allowed_mentions parse [].</summary>
    internal static void AssertNoPings(BotHarness bot)
    {
        var bodies = bot.Discord.Requests.Where(r => r.Path.StartsWith("/channels/", StringComparison.Ordinal) && r.Body.Length > 0).ToList();
        Assert.NotEmpty(bodies);
        Assert.All(bodies, r => Assert.Equal(0, r.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength()));
    }
}
