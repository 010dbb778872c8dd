using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Content;
using VocabBot.Storage;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Content;

public sealed class ContentWatchTests
{
    private static IHost BuildHost(string content, TempFolder data, TimeProvider? time = null, CapturedLogs? logs = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = data.Path });
        builder.Configuration["Content:Directory"] = content;
        builder.Configuration["Content:WatchDebounce"] = "00:00:00.100";
        builder.Configuration["Storage:DatabasePath"] = data.File("vocabbot.db");
        if (time is not null)
            builder.Services.AddSingleton(time);
        if (logs is not null)
            builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddStorage();
        builder.AddContent();
        return builder.Build();
    }

    [Fact]
    public async Task Host_ImportsAtStart_AndPicksUpALiveEdit()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        using var host = BuildHost(content.Path, data);
        var vocabulary = host.Services.GetRequiredService<Vocabulary>();
        var watcher = host.Services.GetRequiredService<ContentImportService>();
        var reimported = new TaskCompletionSource<ImportReport>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.Reimported += report => { if (report.Added > 0) reimported.TrySetResult(report); };

        await host.StartAsync();
        Assert.Equal(41, vocabulary.WordCount);
        File.Copy(Path.Combine(TestFiles.Articles, "english-headers.md"), content.File("english-headers.md"));
        await reimported.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.Equal("rally", Assert.Single(vocabulary.Find("rallied")).Headword);
    }

    [Fact]
    public async Task AFolderThatVanishes_KeepsItsWords_AndIsImportedAndWatchedAgainWhenBack()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        using var logs = new CapturedLogs();
        var time = new FakeTimeProvider();
        using var host = BuildHost(content.Path, data, time, logs);
        var vocabulary = host.Services.GetRequiredService<Vocabulary>();
        var reports = new ConcurrentQueue<ImportReport>();
        host.Services.GetRequiredService<ContentImportService>().Reimported += reports.Enqueue;
        await host.StartAsync();

        // An unmounted volume: the folder is gone. The folder check runs on this thread as the fake clock passes it.
        Directory.Delete(content.Path, recursive: true);
        time.Advance(ContentImportService.FolderCheckInterval);

        Assert.Equal(41, vocabulary.WordCount);
        Assert.Contains(reports, r => r.FolderMissing);
        Assert.All(reports, r => Assert.Equal(0, r.Removed));
        var gone = Assert.Single(logs.Lines, l => l.Contains("keeping the", StringComparison.Ordinal));
        Assert.StartsWith($"Error VocabBot.Content.ContentImporter: Content folder {content.Path} is missing or cannot be listed; keeping the 1 article(s) imported before (41 words) until it is back", gone, StringComparison.Ordinal);

        Directory.CreateDirectory(content.Path);
        File.Copy(Path.Combine(TestFiles.Articles, "seed.md"), content.File("seed.md"));
        File.Copy(Path.Combine(TestFiles.Articles, "english-headers.md"), content.File("english-headers.md"));
        time.Advance(ContentImportService.FolderCheckInterval);

        Assert.Equal(46, vocabulary.WordCount);
        Assert.Contains(logs.Lines, l => l.StartsWith($"Information VocabBot.Content.ContentImportService: Content folder {content.Path} is back; importing it", StringComparison.Ordinal));

        // Watched again: a new file is picked up. The watcher's event comes on its own thread, so the clock is moved on until the import comes.
        var added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<ContentImportService>().Reimported += r => { if (r.Added > 0) added.TrySetResult(); };
        File.Copy(Path.Combine(TestFiles.Articles, "warnings.md"), content.File("warnings.md"));
        for (var tries = 0; tries < 200 && !added.Task.IsCompleted; tries++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(added.Task, Task.Delay(100));
        }

        Assert.True(added.Task.IsCompleted, "the edit after the folder came back was not imported within 20 s");
        Assert.Equal(3, vocabulary.ArticleCount);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Re-importing", StringComparison.Ordinal));
        await host.StopAsync();
    }
}
