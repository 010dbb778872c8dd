using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning.Scores;
using VocabBot.Tests.Discord;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Race;

/// <summary>
/// Two bot processes on one PostgreSQL database: a race is run by one of them, clicks that reach the other count for
/// it, and when its process stops the other takes the race over where the store says, with nothing counted twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RaceAcrossProcessesTests(PostgresServer server)
{
    [SkippableFact]
    public async Task ClicksOnTheOtherProcess_Count_AndItTakesTheRaceOverWhenTheFirstStops()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = await server.CreateDatabaseAsync() };
        var time = new FakeTimeProvider(TestBot.Start);
        await using var discordA = await FakeDiscord.StartAsync(); // each process its own gateway session, as sharding would give
        await using var discordB = await FakeDiscord.StartAsync();
        using var folderA = new TempFolder();
        using var folderB = new TempFolder();
        await using var b = await BotHarness.StartAsync(learning: null, discordB, folderB.Path, settings, time);
        await b.WaitUntilReadyAsync();
        var onB = new RaceTable(b, time);
        RaceTable onA;
        await using (var a = await BotHarness.StartAsync(learning: null, discordA, folderA.Path, settings, time))
        {
            await a.WaitUntilReadyAsync();
            onA = new RaceTable(a, time);
            await onA.StartAsync("Ana", rounds: 3, seconds: 10);
            await onA.WaitForPostsAsync(1);
            onB.RaceId = onA.RaceId;
            Assert.Equal($"Locked in: {onB.Letters(1).Right}", await onB.ClickAsync("Bob", 1, onB.Letters(1).Right));
            await onA.ClickAsync("Ana", 1, onA.Letters(1).Wrong);
            await onA.AdvanceUntilEditsAsync(1);
            Assert.Contains("\nRight, fastest first: 1. Bob +10\n", RaceTable.Text(onA.Edits[0]), StringComparison.Ordinal);

            // Round 2: both players answer on B; A, which runs the race, reads them from the store and closes it early.
            await onA.AdvanceUntilPostsAsync(2);
            await onB.ClickAsync("Bob", 2, onB.Letters(2).Right);
            await onB.ClickAsync("Ana", 2, onB.Letters(2).Right);
            await time.AdvanceUntilAsync(() => onA.Edits.Count >= 2, "round 2 closed by A");
            Assert.True(time.GetUtcNow() < onA.Store.Find(onA.RaceId!)!.Deadline, "round 2 ran to its deadline: A did not see B's clicks");
            await onA.AdvanceUntilPostsAsync(3);
            await time.AdvanceUntilAsync(() => onA.Store.Find(onA.RaceId!) is { Current: 2, MessageId: not null }, "round 3's question recorded as posted");
        }

        // A stopped cleanly, giving the race up: B takes it on at its next look and plays round 3 to the end.
        await onB.ClickAsync("Bob", 3, onB.Letters(3).Right);
        await onB.ClickAsync("Ana", 3, onB.Letters(3).Right);
        await time.AdvanceUntilAsync(() => onB.Posts.Count >= 1, "the results, posted by B");
        await onB.WaitUntilFinishedAsync();

        Assert.StartsWith("🏆", RaceTable.Text(Assert.Single(onB.Posts)), StringComparison.Ordinal);
        Assert.Equal(3, onA.Posts.Count(p => RaceTable.Text(p).StartsWith("🏁", StringComparison.Ordinal))); // no question posted twice
        Assert.Single(onB.Edits); // round 3 closed by B, once
        var scores = onB.Get<Scoreboard>();
        Assert.Equal((30, 3), (scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Bob"))!.Points, scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Bob"))!.Answers));
        Assert.Equal((14, 3), (scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Ana"))!.Points, scores.TotalsOf(Interactions.GuildId, RaceTable.IdOf("Ana"))!.Answers));
        discordA.AssertBodiesValid();
        discordB.AssertBodiesValid();
    }
}
