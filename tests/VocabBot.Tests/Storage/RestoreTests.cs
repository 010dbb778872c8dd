using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using VocabBot.Learning.Scores;
using VocabBot.Storage;

namespace VocabBot.Tests.Storage;

/// <summary>
/// A backup is worth what a restore finds in it. While the bot runs, most of its data sits in LiteDB's -log
/// file, so a copy of the database file alone restores little; a backup through <see cref="DatabaseBackup"/>
/// is one self-contained file.
/// </summary>
public sealed partial class RestoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task BackupTakenWhileTheBotAnswers_RestoredOverAFreshPath_HoldsEveryAcknowledgedAnswer()
    {
        var database = _folder.File("data/vocabbot.db");
        var backup = _folder.File("backups/vocabbot-2026-01-05.db");
        var acknowledged = new Dictionary<string, List<(bool Correct, int Points)>>();
        var written = new ConcurrentQueue<int>();
        int writtenBeforeBackup;
        await using (var bot = await TestBot.StartAsync(databasePath: database))
        {
            foreach (var user in new[] { "u1", "u2" })
                acknowledged[user] = await AnswerQuizAsync(bot, user, count: 5);

            // Another writer keeps answering while the backup runs: the backup must hold a clean prefix of its answers.
            using var stop = new CancellationTokenSource();
            var scoreboard = bot.Get<Scoreboard>();
            var fifty = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var writer = Task.Run(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    written.Enqueue(scoreboard.Record("guild", "writer", "Writer", "word", false, bot.Time.GetUtcNow()).Id);
                    if (written.Count == 50)
                        fifty.TrySetResult();
                }
            });
            await fifty.Task.WaitAsync(TimeSpan.FromSeconds(30));
            writtenBeforeBackup = written.Count;
            await Task.Run(() => DatabaseBackup.Write(bot.Get<VocabDatabase>(), backup, CancellationToken.None));
            await stop.CancelAsync();
            await writer.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.True(File.Exists(DatabaseBackup.LogFile(database)), "the running bot's answers are in its -log file");
        }

        Assert.Equal(["vocabbot-2026-01-05.db"], Directory.GetFiles(_folder.File("backups")).Select(Path.GetFileName));
        var restored = _folder.File("restored/vocabbot.db");
        Directory.CreateDirectory(_folder.File("restored"));
        File.Copy(backup, restored);
        using var opened = new VocabDatabase(restored);
        var answers = opened.Collection<AnswerRecord>("answers").FindAll().OrderBy(a => a.Id).ToList();
        foreach (var (user, acks) in acknowledged)
            Assert.Equal(acks, answers.Where(a => a.UserId == user).Select(a => (a.Correct, a.Points)));
        var writerIds = answers.Where(a => a.UserId == "writer").Select(a => a.Id).ToList();
        Assert.InRange(writerIds.Count, writtenBeforeBackup, written.Count);
        Assert.Equal(written.Take(writerIds.Count), writerIds);
    }

    [Fact]
    public async Task AfterACleanStop_TheDatabaseFileAloneHoldsEveryAcknowledgedAnswer()
    {
        var database = _folder.File("data/vocabbot.db");
        List<(bool Correct, int Points)> acknowledged;
        await using (var bot = await TestBot.StartAsync(databasePath: database))
            acknowledged = await AnswerQuizAsync(bot, "u1", count: 5);

        Assert.False(File.Exists(DatabaseBackup.LogFile(database)));
        var copy = _folder.File("copy/vocabbot.db");
        Directory.CreateDirectory(_folder.File("copy"));
        File.Copy(database, copy);
        using var opened = new VocabDatabase(copy);
        Assert.Equal(acknowledged, opened.Collection<AnswerRecord>("answers").FindAll().OrderBy(a => a.Id).Select(a => (a.Correct, a.Points)));
    }

    /// <summary>Answers a quiz through the real handlers, right and wrong in turn; each reply saying so is an acknowledged answer.</summary>
    private static async Task<List<(bool Correct, int Points)>> AnswerQuizAsync(TestBot bot, string user, int count)
    {
        var acks = new List<(bool, int)>();
        var reply = await bot.SendAsync(user, "quiz", ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        for (var i = 0; i < count; i++)
        {
            reply = await bot.ClickAsync(user, i % 2 == 0 ? bot.RightButton(reply) : bot.WrongButton(reply));
            var right = RightAnswer().Match(reply.Text);
            Assert.True(right.Success || reply.Text.StartsWith("❌ Not quite", StringComparison.Ordinal), reply.Text);
            acks.Add(right.Success ? (true, int.Parse(right.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)) : (false, 0));
            if (reply.ButtonList.FirstOrDefault(b => b.Label == "Next") is { } next)
                reply = await bot.ClickAsync(user, next);
        }

        return acks;
    }

    [GeneratedRegex(@"^✅ Right! \+(\d+) points")]
    private static partial Regex RightAnswer();
}
