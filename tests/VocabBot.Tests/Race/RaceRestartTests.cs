using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning.Scores;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Race;

/// <summary>A race outlives the bot: the next start resumes it where the store says, or ends it when its time ran out.</summary>
public sealed class RaceRestartTests
{
    [Fact]
    public async Task RestartMidRound_ResumesTheRound_WithTheAnswersBefore_AndCountsNothingTwice()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var discord = await FakeDiscord.StartAsync();
        using var folder = new TempFolder();
        string raceId;
        await using (var before = await BotHarness.StartAsync(learning: null, discord, folder.Path, time: time))
        {
            await before.WaitUntilReadyAsync();
            var table = new RaceTable(before, time);
            await table.StartAsync("Ana", rounds: 3, seconds: 10);
            await table.WaitForPostsAsync(1);
            await table.ClickAsync("Ana", 1, table.Letters(1).Right);
            await table.ClickAsync("Bob", 1, table.Letters(1).Wrong);
            await table.AdvanceUntilEditsAsync(1);
            await table.AdvanceUntilPostsAsync(2);
            Assert.Equal($"Locked in: {table.Letters(2).Right}", await table.ClickAsync("Ana", 2, table.Letters(2).Right));
            raceId = table.RaceId!;
        }

        await using var after = await BotHarness.StartAsync(learning: null, discord, folder.Path, time: time);
        await after.WaitUntilReadyAsync();
        var resumed = new RaceTable(after, time) { RaceId = raceId };
        Assert.Equal($"You already answered this round: {resumed.Letters(2).Right}. One answer a round counts.", await resumed.ClickAsync("Ana", 2, 'A'));
        // Bob is the last player of the race to answer round 2: it closes at once, Ana's answer from before the restart first.
        await resumed.ClickAsync("Bob", 2, resumed.Letters(2).Right);
        await resumed.WaitForEditsAsync(2);
        Assert.Contains("\nRight, fastest first: 1. Ana +10, 2. Bob +7\n", RaceTable.Text(resumed.Edits[1]), StringComparison.Ordinal);
        Assert.Equal(2, resumed.Posts.Count); // the open round's question was not posted again

        await resumed.AdvanceUntilPostsAsync(3);
        await resumed.ClickAsync("Bob", 3, resumed.Letters(3).Right);
        await resumed.ClickAsync("Ana", 3, resumed.Letters(3).Right);
        await resumed.WaitForPostsAsync(4);
        Assert.StartsWith("🏆 Race results: 3 of 3 rounds played, started by Ana\n🥇 Ana: 27 points, 3 of 3 right\n🥈 Bob: 17 points, 2 of 3 right\n",
            RaceTable.Text(resumed.Posts[3]), StringComparison.Ordinal);
        var scores = resumed.Get<Scoreboard>();
        Assert.Equal((27, 3), (scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Ana"))!.Points, scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Ana"))!.Answers));
        Assert.Equal((17, 3), (scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Bob"))!.Points, scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Bob"))!.Answers));
        discord.AssertBodiesValid();
    }

    [Fact]
    public async Task RestartAfterTheRaceTimeRanOut_EndsItWithResults_ForTheRoundsPlayed()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var discord = await FakeDiscord.StartAsync();
        using var folder = new TempFolder();
        string raceId;
        await using (var before = await BotHarness.StartAsync(learning: null, discord, folder.Path, time: time))
        {
            await before.WaitUntilReadyAsync();
            var table = new RaceTable(before, time);
            await table.StartAsync("Ana", rounds: 3, seconds: 10);
            await table.WaitForPostsAsync(1);
            await table.ClickAsync("Ana", 1, table.Letters(1).Right);
            raceId = table.RaceId!;
        }

        time.Advance(TimeSpan.FromMinutes(10));
        await using var after = await BotHarness.StartAsync(learning: null, discord, folder.Path, time: time);
        var ended = new RaceTable(after, time) { RaceId = raceId };

        await ended.WaitForPostsAsync(2);
        Assert.Contains("\nRight, fastest first: 1. Ana +10\nResults follow.", RaceTable.Text(Assert.Single(ended.Edits)), StringComparison.Ordinal);
        Assert.StartsWith("🏆 Race results: 1 of 3 rounds played, started by Ana\n🥇 Ana: 10 points, 1 of 1 right\n", RaceTable.Text(ended.Posts[1]), StringComparison.Ordinal);
        await ended.WaitUntilFinishedAsync();
        Assert.Equal(10, ended.Get<Scoreboard>().TotalsOf(Interactions.GuildId, RaceTable.IdOf("Ana"))!.Points);
    }
}
