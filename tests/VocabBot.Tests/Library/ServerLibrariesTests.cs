using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Storage;

namespace VocabBot.Tests.Library;

public sealed class ServerLibrariesTests
{
    [Fact]
    public void OverMaxLoadedServers_TheLeastRecentlyUsedIsDropped_AndReadAgainAtItsNextUse()
    {
        using var database = new VocabDatabase(new MemoryStream());
        var vocabulary = new Vocabulary(database);
        var shipped = new ShippedWords(vocabulary, new HeadwordIndex(vocabulary), new QuizPools(vocabulary, NullLogger<QuizPools>.Instance));
        var libraries = new ServerLibraries(new LiteDbLibraryStore(database), shipped,
            Microsoft.Extensions.Options.Options.Create(new LibraryOptions { MaxLoadedServers = 2 }));
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
