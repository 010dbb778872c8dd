using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Learning.Scores;
using VocabBot.Storage;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Storage;

public sealed class BackupServiceTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EachUtcDay_WritesOneSelfContainedBackup_NamedByTheDate_AndKeepsTheNewestSeven()
    {
        var path = _folder.File("vocabbot.db");
        using var database = new VocabDatabase(path);
        var scoreboard = TestScoreboard.On(database);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 22, 0, 0, TimeSpan.Zero));
        var logs = new CapturedLogs();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var service = new BackupService(database, Options.Create(new StorageOptions { DatabasePath = path }),
            new HostingEnvironment { ContentRootPath = _folder.Path }, time, logging.CreateLogger<BackupService>());

        await service.StartAsync(CancellationToken.None);
        for (var day = 1; day <= 10; day++)
        {
            // The day's backup comes at start, then just after each UTC midnight: it holds the answers before it.
            await logs.WaitForAsync($"vocabbot-2026-12-{day:00}.db:");
            scoreboard.Record("guild", "u1", "Learner", $"word-{day}", true, time.GetUtcNow());
            time.Advance(TimeSpan.FromDays(1));
        }

        await logs.WaitForAsync("vocabbot-2026-12-11.db:");
        await service.StopAsync(CancellationToken.None);

        var backups = _folder.File("backups");
        Assert.Equal(Enumerable.Range(5, 7).Select(day => $"vocabbot-2026-12-{day:00}.db"),
            Directory.GetFiles(backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        for (var day = 5; day <= 11; day++)
        {
            using var backup = new VocabDatabase(Path.Combine(backups, $"vocabbot-2026-12-{day:00}.db"));
            Assert.Equal(day - 1, backup.Collection<AnswerRecord>("answers").Count());
        }
    }

    [Fact]
    public async Task RestartedTheSameDay_DoesNotWriteItAgain()
    {
        var path = _folder.File("vocabbot.db");
        using var database = new VocabDatabase(path);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var today = Path.Combine(_folder.File("backups"), "vocabbot-2026-12-03.db");
        Directory.CreateDirectory(_folder.File("backups"));
        File.WriteAllText(today, "written by the run before the restart");
        var logs = new CapturedLogs();
        using var logging = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var service = new BackupService(database, Options.Create(new StorageOptions { DatabasePath = path }),
            new HostingEnvironment { ContentRootPath = _folder.Path }, time, logging.CreateLogger<BackupService>());

        await service.StartAsync(CancellationToken.None);
        await logs.WaitForAsync("Today's backup " + today + " is already there");
        time.Advance(TimeSpan.FromHours(15)); // past midnight UTC
        await logs.WaitForAsync("vocabbot-2026-12-04.db:");
        await service.StopAsync(CancellationToken.None);

        Assert.Equal("written by the run before the restart", File.ReadAllText(today));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("vocabbot-2026-12-03.db:", StringComparison.Ordinal));
    }
}
