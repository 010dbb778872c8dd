using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using VocabBot.Content;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using Xunit.Abstractions;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// The console app answering quiz questions over a pipe, killed with SIGKILL at random moments, over one
/// database file: it must open every time, and every answer the app acknowledged (printed the reply to,
/// which it does only after the commit) must be in it with its points. VOCABBOT_LONG=1 kills 100 times.
/// </summary>
public sealed partial class ConsoleKillTests(ITestOutputHelper output)
{
    private const int Seed = 20261126;
    private const string User = "console-user";
    private static readonly int Kills = Environment.GetEnvironmentVariable("VOCABBOT_LONG") == "1" ? 100 : 20;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KilledWhileAnswering_DatabaseOpensEveryTime_AndNoAcknowledgedAnswerIsLost()
    {
        using var folder = new TempFolder();
        using var content = new TempFolder();
        var database = folder.File("vocabbot.db");
        var seed = File.ReadAllText(Path.Combine(Paths.Library, "000_openai_amazon.md"));
        // Two streams, so the kill schedule is the same on every run whatever the answers' timing.
        var schedule = new Random(Seed);
        var answers = new Random(Seed + 1);
        int acknowledged = 0, inFlightCommitted = 0, reopened = 0, lastId = 0, importsCut = 0, beforeImport = 0;
        var moments = new Dictionary<KillMoment, int>();

        for (var kill = 0; kill < Kills; kill++)
        {
            var moment = (KillMoment)schedule.Next(3);
            moments[moment] = moments.GetValueOrDefault(moment) + 1;
            // Every start has an import to do: the changed articles are replaced, so a kill while starting can land in it.
            WriteChangedArticles(content.Path, seed, kill);
            var acks = await RunAndKillAsync(database, content.Path, moment, TimeSpan.FromMilliseconds(schedule.Next(0, 800)), schedule.Next(1, 25), answers);

            using (var reopenedDb = new VocabDatabase(database))
            {
                reopened++;
                var added = reopenedDb.Collection<AnswerRecord>("answers").Find(a => a.Id > lastId).OrderBy(a => a.Id).ToList();
                Assert.True(added.Count >= acks.Count && added.Count <= acks.Count + 1,
                    $"kill {kill} ({moment}): {acks.Count} acknowledged, {added.Count} stored");
                Assert.Equal(acks, added.Take(acks.Count).Select(a => new Ack(a.Correct, a.Points)));
                Assert.All(added, a => Assert.Equal(User, a.UserId));
                inFlightCommitted += added.Count - acks.Count;
                // Each article is replaced whole or not at all: never one missing, never one without its words.
                var articles = reopenedDb.Collection<ArticleDocument>(Vocabulary.ArticlesCollection).FindAll().Where(a => a.Title.StartsWith("Extra ", StringComparison.Ordinal)).ToList();
                var words = reopenedDb.Collection<WordDocument>(Vocabulary.WordsCollection).FindAll().GroupBy(w => w.ArticleId).ToDictionary(g => g.Key, g => g.Count());
                Assert.True(articles.Count is 0 or ChangedArticles, $"kill {kill}: {articles.Count} of the {ChangedArticles} changed articles stored");
                Assert.All(articles, a => Assert.Equal(a.WordCount, words.GetValueOrDefault(a.Id)));
                var fresh = articles.Count(a => a.Title.EndsWith($" run {kill}", StringComparison.Ordinal));
                importsCut += fresh is > 0 and < ChangedArticles ? 1 : 0;
                beforeImport += moment == KillMoment.WhileStarting && fresh == 0 ? 1 : 0;
                lastId = added.Count > 0 ? added[^1].Id : lastId;
            }

            acknowledged += acks.Count;
        }

        var (storedAnswers, storedPoints) = Totals(database);
        var stats = await StatsAsync(database);
        Assert.Equal(acknowledged + inFlightCommitted, storedAnswers);
        // Kills right after an answer come only after one was acknowledged: the run acknowledged answers to lose.
        Assert.True(acknowledged >= moments.GetValueOrDefault(KillMoment.RightAfterAnAck), $"{acknowledged} acknowledged");
        Assert.True(moments.GetValueOrDefault(KillMoment.RightAfterAnAck) > 0);
        Assert.Contains($"Points: {storedPoints}\n", stats, StringComparison.Ordinal);
        Assert.Contains($"Answers: {storedAnswers}\n", stats, StringComparison.Ordinal);
        output.WriteLine($"seed {Seed}: {Kills} kills ({string.Join(", ", moments.OrderBy(m => m.Key).Select(m => $"{m.Value} {m.Key}"))}), " +
            $"{reopened} reopened, {beforeImport} start-up kills before the import committed and {importsCut} between its commits (each article whole), {acknowledged} acknowledged answers, 0 lost, {inFlightCommitted} unacknowledged in-flight answers found committed; " +
            $"{storedAnswers} answers and {storedPoints} points stored, /stats agrees");
    }

    // The moment, delay and count are seeded; where in the app's work each kill lands is up to the OS scheduler.
    // More than the importer's batch of 100, so a kill can land between two of its commits.
    private const int ChangedArticles = 150;

    private static void WriteChangedArticles(string folder, string seed, int run)
    {
        for (var i = 0; i < ChangedArticles; i++)
        {
            var title = $"title: Extra {i} run {run}";
            File.WriteAllText(Path.Combine(folder, $"extra-{i:00}.md"), seed.Replace("title: ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon", title, StringComparison.Ordinal));
        }
    }

    private static async Task<List<Ack>> RunAndKillAsync(string database, string content, KillMoment moment, TimeSpan delay, int killAfterAcks, Random random)
    {
        using var app = ConsoleApp.Start(database, content);
        var acks = new List<Ack>();
        if (moment == KillMoment.WhileStarting)
        {
            await Task.Delay(delay);
            app.Kill();
            return acks;
        }

        await app.ReadBlockAsync(); // the banner: the app opened the database
        await app.SendAsync("/quiz 20");
        var killAt = moment == KillMoment.AfterDelay ? Task.Delay(delay) : null;
        while (true)
        {
            var read = app.NextBlockAsync();
            if (killAt is not null && await Task.WhenAny(read, killAt) == killAt)
            {
                app.Kill();
                // A reply the app printed before it died was acknowledged, even if this loop had not read it yet.
                acks.AddRange((await app.RestAsync(read)).Select(AckOf).OfType<Ack>());
                return acks;
            }

            var block = await read ?? throw await app.ExitedEarlyAsync();
            if (AckOf(block) is { } ack)
            {
                acks.Add(ack);
                if (moment == KillMoment.RightAfterAnAck && acks.Count == killAfterAcks)
                {
                    app.Kill();
                    return acks;
                }
            }

            await app.SendAsync(NextLine(block, random));
        }
    }

    private static string NextLine(string block, Random random) =>
        block.Contains("[A] ", StringComparison.Ordinal) ? "abcd"[random.Next(4)].ToString()
        : block.Contains("[next] ", StringComparison.Ordinal) ? "next"
        : "/quiz 20";

    private static Ack? AckOf(string block)
    {
        if (block.StartsWith("❌ Not quite", StringComparison.Ordinal))
            return new Ack(false, 0);
        var right = RightPattern().Match(block);
        return right.Success ? new Ack(true, int.Parse(right.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    private static (int Answers, int Points) Totals(string database)
    {
        using var db = new VocabDatabase(database);
        var all = db.Collection<AnswerRecord>("answers").FindAll().ToList();
        return (all.Count, all.Sum(a => a.Points));
    }

    private static async Task<string> StatsAsync(string database)
    {
        using var app = ConsoleApp.Start(database);
        await app.ReadBlockAsync();
        await app.SendAsync("/stats");
        var stats = await app.ReadBlockAsync();
        await app.SendAsync("/quit");
        await app.WaitForExitAsync();
        return stats;
    }

    [GeneratedRegex(@"^✅ Right! \+(\d+) points")]
    private static partial Regex RightPattern();

    private enum KillMoment { WhileStarting, AfterDelay, RightAfterAnAck }

    private sealed record Ack(bool Correct, int Points);
}
