using System.Diagnostics;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Storage;

/// <summary>One process owns a database file: two on one file corrupted it and lost acknowledged answers.</summary>
public sealed class DatabaseLockTests
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void SecondOpenOfOneFile_IsRefused_NamingTheFileAndItsLock_UntilTheFirstCloses()
    {
        using var folder = new TempFolder();
        var path = folder.File("vocabbot.db");
        using (new VocabDatabase(path))
        {
            var refused = Assert.Throws<StorageUnavailableException>(() => new VocabDatabase(path));

            Assert.True(refused.IsHeld);
            Assert.Equal(HeldLine(path), refused.Message);
        }

        using var reopened = new VocabDatabase(path);
        Assert.NotNull(reopened.Database);
    }

    [Fact]
    public async Task SecondProcessOnOneFile_ExitsTwo_AndAfterTheFirstIsKilled_ANewOneStartsWithItsAnswer()
    {
        using var folder = new TempFolder();
        var database = folder.File("vocabbot.db");
        using var first = Process.Start(Paths.ConsoleProcess(database))!;
        var firstErrors = first.StandardError.ReadToEndAsync();
        try
        {
            await ReadLineStartingAsync(first, "VocabBot console:");
            await first.StandardInput.WriteLineAsync("/quiz 1");
            await ReadLineStartingAsync(first, "[A] ");
            await first.StandardInput.WriteLineAsync("a");
            await ReadLineStartingAsync(first, "✅", "❌"); // acknowledged: printed after the commit

            var (code, output, error) = BuiltApp.Run(folder.Path, Settings(database), "console");

            Assert.True(code == 2, $"exit {code}: {error}");
            Assert.Equal(HeldLine(database), Assert.Single(BuiltApp.Lines(error)));
            Assert.Empty(output);

            var (backupCode, _, backupError) = BuiltApp.Run(folder.Path, Settings(database), "backup", "copy.db");

            Assert.True(backupCode == 2, $"exit {backupCode}: {backupError}");
            Assert.StartsWith($"Backup error: '{database}' is in use by another process", Assert.Single(BuiltApp.Lines(backupError)), StringComparison.Ordinal);
            Assert.False(File.Exists(folder.File("copy.db")));
        }
        finally
        {
            first.Kill(); // SIGKILL: the OS releases the lock, nothing the app does
            await first.WaitForExitAsync().WaitAsync(ReplyTimeout);
        }

        Assert.True(first.ExitCode != 0, await firstErrors);
        var (again, banner, errors) = BuiltApp.Run(folder.Path, Settings(database), "console");
        Assert.True(again == 0, $"exit {again}: {errors}");
        Assert.StartsWith("VocabBot console:", banner, StringComparison.Ordinal);
        var (backedUp, _, backupErrors) = BuiltApp.Run(folder.Path, Settings(database), "backup", "copy.db");
        Assert.True(backedUp == 0, $"exit {backedUp}: {backupErrors}");
        using var copy = new VocabDatabase(folder.File("copy.db"));
        Assert.Single(copy.Collection<AnswerRecord>("answers").FindAll());
    }

    internal static string HeldLine(string path) =>
        $"Storage error: '{path}' is in use by another process, which holds the lock '{path}.lock'; " +
        "stop that process first, or give this one its own Storage:DatabasePath.";

    /// <summary>The environment <see cref="Paths.ConsoleProcess"/> gives, for <see cref="BuiltApp.Run"/>.</summary>
    internal static Dictionary<string, string> Settings(string database) => new()
    {
        ["Storage__DatabasePath"] = database,
        ["Content__Watch"] = "false",
        ["Content__Directory"] = Paths.Library,
    };

    private static async Task ReadLineStartingAsync(Process process, params string[] starts)
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (starts.Any(start => line.StartsWith(start, StringComparison.Ordinal)))
                return;
        }

        throw new InvalidOperationException($"the console ended before a line starting with {string.Join(" or ", starts)}");
    }
}
