using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Tests.Storage;

namespace VocabBot.Tests.Library;

/// <summary>Two bots on one PostgreSQL, as two processes: a library change made through one reaches the other's /define.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LibraryAcrossProcessesTests(PostgresServer server)
{
    private const string Guild = "guild";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(5);

    [SkippableFact]
    public async Task ArticleAddedOrRemovedOnOneProcess_TheOthersDefineSeesItWithinFiveSeconds()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSQL", ["Storage:ConnectionString"] = connectionString };
        await using var a = await TestBot.StartAsync(settings: settings);
        await using var b = await TestBot.StartAsync(settings: settings);
        await a.Get<PostgresLibraryListener>().Listening.WaitAsync(Within);
        await b.Get<PostgresLibraryListener>().Listening.WaitAsync(Within);
        var libraries = a.Get<ServerLibraries>();
        var article = ServerArticle.Of(Guild, new ArticleParser().Parse("seed.md", TestFiles.Article("seed.md")).Article!, "Ada", "u1", DateTimeOffset.UnixEpoch);
        Assert.True(await DefinesAsync(b), "the shipped articles define it before any change"); // and b now holds the server's library

        libraries.SetShipped(Guild, false);
        await WithinAsync(async () => !await DefinesAsync(b), "the shipped articles turned off");

        Assert.Equal(LibrarySaved.Added, libraries.Save(article));
        await WithinAsync(() => DefinesAsync(b), "the article added");

        Assert.True(libraries.Remove(Guild, article.Name));
        await WithinAsync(async () => !await DefinesAsync(b), "the article removed");
    }

    private static async Task<bool> DefinesAsync(TestBot bot) =>
        !(await bot.SendInAsync(Guild, "u1", "define", ("word", "loosened"))).Text.Contains("is not in any article", StringComparison.Ordinal);

    // Polls the other process's answer, bounded: it changes when the notification has made it read the store again.
    private static async Task WithinAsync(Func<Task<bool>> condition, string change)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < Within, $"the other process did not see {change} within {Within.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
