using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Tests.Content;

public sealed class ContentWatchTests
{
    [Fact]
    public async Task Host_ImportsAtStart_AndPicksUpALiveEdit()
    {
        using var content = TestFiles.FolderWith("seed.md");
        using var data = new TempFolder();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = data.Path });
        builder.Configuration["Content:Directory"] = content.Path;
        builder.Configuration["Content:WatchDebounce"] = "00:00:00.100";
        builder.Configuration["Storage:DatabasePath"] = data.File("vocabbot.db");
        builder.AddStorage();
        builder.AddContent();
        using var host = builder.Build();
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
}
