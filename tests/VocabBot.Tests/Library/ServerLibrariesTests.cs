using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Storage;

namespace VocabBot.Tests.Library;

public sealed class ServerLibrariesTests
{
    [Fact]
    public async Task LibrariesUsedAndDroppedAtOnce_AreCountedRight_SoTheCapStillHolds()
    {
        using var database = new VocabDatabase(new MemoryStream());
        var libraries = Libraries(database, maxLoaded: 100);
        var article = new ArticleParser().Parse("seed.md", TestFiles.Article("seed.md")).Article!;
        var guilds = Enumerable.Range(1, 8).Select(i => $"g{i}").ToArray();
        foreach (var guild in guilds)
            libraries.Save(ServerArticle.Of(guild, article, "Ada", "u1", DateTimeOffset.UnixEpoch));

        // Lookups in every server while its library is dropped again and again (an article added, a setting changed).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(thread => Task.Run(() =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 2_000; i++)
            {
                var guild = guilds[random.Next(guilds.Length)];
                if (thread == 0 && i % 3 == 0)
                    libraries.Forget(guild);
                else
                    Assert.Equal("loosen", Assert.Single(libraries.For(guild).Find("loosened")).Key);
            }
        }))).WaitAsync(TimeSpan.FromSeconds(60));
        foreach (var guild in guilds)
            libraries.For(guild);

        Assert.Equal(guilds.Length, libraries.LoadedOwn);
    }

    private static ServerLibraries Libraries(VocabDatabase database, int maxLoaded)
    {
        var vocabulary = new Vocabulary(database);
        var shipped = new ShippedWords(vocabulary, new HeadwordIndex(vocabulary), new QuizPools(vocabulary, NullLogger<QuizPools>.Instance));
        return new ServerLibraries(new LiteDbLibraryStore(database), shipped,
            Microsoft.Extensions.Options.Options.Create(new LibraryOptions { MaxLoadedServers = maxLoaded }));
    }

    [Fact]
    public void OverMaxLoadedServers_TheLeastRecentlyUsedIsDropped_AndReadAgainAtItsNextUse()
    {
        using var database = new VocabDatabase(new MemoryStream());
        var libraries = Libraries(database, maxLoaded: 2);
        var article = new ArticleParser().Parse("seed.md", TestFiles.Article("seed.md")).Article!;
        foreach (var guild in new[] { "g1", "g2", "g3" })
            libraries.Save(ServerArticle.Of(guild, article, "Ada", "u1", DateTimeOffset.UnixEpoch));

        libraries.For("g1");
        libraries.For("g2");
        libraries.For("g1");
        libraries.For("g3"); // g2 is now the least recently used
        var heldBefore = libraries.LoadedOwn;
        var g2 = libraries.For("g2").Find("loosened");

        Assert.Equal(2, heldBefore);
        Assert.Equal("loosen", Assert.Single(g2).Key);
        Assert.Equal(2, libraries.LoadedOwn);
        Assert.Empty(libraries.For("g4").Find("loosened")); // a server without articles has only the shipped ones: none here
    }
}
