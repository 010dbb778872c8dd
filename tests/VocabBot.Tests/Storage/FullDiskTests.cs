using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VocabBot.Discord;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Storage;

/// <summary>
/// A full disk wedged the bot: the real error hidden, every command failing, writes waiting 60 s on a lock after
/// space came back, and a health check that stayed green. The database here sits on a real 4 MB tmpfs.
/// </summary>
public sealed partial class FullDiskTests
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task FullDisk_RefusesChangesPrivately_KeepsReads_AndRecoversByItselfWhenSpaceReturns()
    {
        using var folder = new TempFolder();
        var disk = folder.File("disk");
        using var mount = SmallDisk.TryMount(disk, out var why);
        Skip.If(mount is null, why);
        var database = Path.Combine(disk, "vocabbot.db");
        var filler = Path.Combine(disk, "filler");
        int acknowledged;
        string log;
        using (var app = ConsoleApp.Start(database, settings: new Dictionary<string, string> { ["Storage__RecoveryInterval"] = "00:00:00.200" }))
        {
            await app.ReadBlockAsync(); // the banner
            acknowledged = await AnswerAsync(app, answers: 3);

            SmallDisk.Fill(filler);
            await app.SendAsync("a");
            var refused = await app.ReadBlockAsync();

            Assert.Contains(TestText.CannotSave, refused, StringComparison.Ordinal);
            await app.SendAsync("a"); // refused again, at once, without touching the database
            Assert.Contains(TestText.CannotSave, await app.ReadBlockAsync(), StringComparison.Ordinal);
            await app.SendAsync("/stats"); // reads go on
            Assert.Equal(acknowledged, AnswersIn(await app.ReadBlockAsync()));

            File.Delete(filler);
            await AnswerOnceSpaceIsBackAsync(app);
            acknowledged += 1;
            await app.SendAsync("/stats");
            Assert.Equal(acknowledged, AnswersIn(await app.ReadBlockAsync()));
            await app.SendAsync("/quit");
            await app.WaitForExitAsync();
            log = await app.ErrorsAsync();
        }

        var failures = BuiltApp.Lines(log).Where(l => l.Contains("Storage is failing", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 1, log);
        Assert.Contains("No space left on device", log, StringComparison.Ordinal);
        Assert.Contains(database, log, StringComparison.Ordinal);
        Assert.Contains("writes again", log, StringComparison.Ordinal);
        using var reopened = new VocabDatabase(database);
        Assert.Equal(acknowledged, reopened.Collection<AnswerRecord>("answers").Count());
    }

    // The bot's probe writes every Storage:RecoveryInterval while the disk is full; reads run beside them. Closing the
    // database there (a stop during the outage) threw: its last checkpoint failed with an IOException, not a LiteException.
    [SkippableFact]
    public async Task ProbesOnAFullDisk_NeverFailAReadRunningBesideThem_AndClosingThereLosesNothing()
    {
        using var folder = new TempFolder();
        var disk = folder.File("disk");
        using var mount = SmallDisk.TryMount(disk, out var why);
        Skip.If(mount is null, why);
        var path = Path.Combine(disk, "vocabbot.db");
        var database = new VocabDatabase(path);
        database.Collection<AnswerRecord>("answers").InsertBulk(Enumerable.Range(0, 50).Select(i => new AnswerRecord { GuildId = "1", UserId = $"u{i}", WordKey = "w" }));
        var health = new StorageHealth(database, Options.Create(new StorageOptions()), TimeProvider.System, NullLogger<StorageHealth>.Instance);
        var filler = Path.Combine(disk, "filler");
        SmallDisk.Fill(filler);
        health.Report(new IOException("No space left on device")); // as the request whose write failed does

        var probing = true;
        using var reading = new ManualResetEventSlim();
        var prober = Task.Run(() =>
        {
            Assert.True(reading.Wait(TimeSpan.FromMinutes(1)));
            for (var i = 0; i < 300; i++)
                health.Probe();
            Volatile.Write(ref probing, false);
        });
        var reader = Task.Run(() =>
        {
            var (reads, failures) = (0, new List<string>());
            while (Volatile.Read(ref probing))
            {
                reading.Set();
                using (health.Enter())
                {
                    try
                    {
                        Assert.Equal(50, database.Collection<AnswerRecord>("answers").Count());
                        reads++;
                    }
                    catch (Exception e) when (StorageFailure.Is(e))
                    {
                        failures.Add(StorageFailure.Root(e).Message);
                    }
                }
            }

            return (reads, failures);
        });
        await prober.WaitAsync(TimeSpan.FromMinutes(2));
        var (reads, failures) = await reader.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(health.IsFailing);
        Assert.True(reads > 0);
        Assert.Empty(failures);
        database.Dispose(); // on the full disk still
        File.Delete(filler);
        using var reopened = new VocabDatabase(path);
        Assert.Equal(50, reopened.Collection<AnswerRecord>("answers").Count());
    }

    [Fact]
    public void WhileStorageFails_TheLivenessFileIsNotTouched_SoTheHealthCheckTurnsRed()
    {
        using var folder = new TempFolder();
        var alive = folder.File("alive");
        using var database = new VocabDatabase(new MemoryStream());
        var time = TimeProvider.System;
        var health = new StorageHealth(database, Options.Create(new StorageOptions()), time, NullLogger<StorageHealth>.Instance);
        var liveness = new LivenessFile(Options.Create(new DiscordOptions { LivenessFile = alive }), time, NullLogger<LivenessFile>.Instance, health);

        health.Report(new IOException("No space left on device"));
        liveness.Touch();

        Assert.False(File.Exists(alive));
        Assert.Throws<StorageFailingException>(database.EnsureWritable);

        health.Probe(); // an in-memory database writes again at once
        liveness.Touch();

        Assert.True(File.Exists(alive));
        database.EnsureWritable();
    }

    // Answers quiz questions until the given number are acknowledged (their reply printed after the commit).
    private static async Task<int> AnswerAsync(ConsoleApp app, int answers)
    {
        var acknowledged = 0;
        await app.SendAsync("/quiz 20");
        while (acknowledged < answers)
        {
            var block = await app.ReadBlockAsync();
            if (IsAcknowledged(block))
                acknowledged++;
            if (acknowledged == answers)
                break;
            await app.SendAsync(block.Contains("[A] ", StringComparison.Ordinal) ? "a" : "next");
        }

        await app.SendAsync("next");
        await app.ReadBlockAsync(); // the next question, left open
        return acknowledged;
    }

    private static async Task<string> AnswerOnceSpaceIsBackAsync(ConsoleApp app)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < RecoveryTimeout)
        {
            await app.SendAsync("a");
            var reply = await app.ReadBlockAsync();
            if (IsAcknowledged(reply))
                return reply;
            Assert.Contains(TestText.CannotSave, reply, StringComparison.Ordinal);
            await Task.Delay(200);
        }

        throw new TimeoutException($"still refusing answers {RecoveryTimeout.TotalSeconds} s after space came back");
    }

    private static bool IsAcknowledged(string block) =>
        block.StartsWith("✅ Right!", StringComparison.Ordinal) || block.StartsWith("❌ Not quite", StringComparison.Ordinal);

    private static int AnswersIn(string stats) => int.Parse(AnswersField().Match(stats) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(stats), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Answers: (\d+)")]
    private static partial Regex AnswersField();
}

/// <summary>A small tmpfs mounted for one test (needs root), so a disk can really fill up.</summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly string _path;

    private SmallDisk(string path) => _path = path;

    public static SmallDisk? TryMount(string path, out string why)
    {
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", path);
        why = code == 0 ? "" : $"a full disk needs a small tmpfs, and mounting one failed (needs root): {error.Trim()}";
        return code == 0 ? new SmallDisk(path) : null;
    }

    /// <summary>Writes zeros until the disk says it is full.</summary>
    public static void Fill(string file)
    {
        var chunk = new byte[64 * 1024];
        using var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
                stream.Write(chunk);
        }
        catch (IOException)
        {
            // full
        }

        for (var size = chunk.Length / 2; size > 0; size /= 2)
        {
            try
            {
                stream.Write(chunk, 0, size);
            }
            catch (IOException)
            {
                // full at this size too
            }
        }
    }

    public void Dispose() => Run("umount", "-l", _path);

    private static (int Code, string Error) Run(string command, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var error = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return (-1, $"{command} did not finish");
            }

            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
