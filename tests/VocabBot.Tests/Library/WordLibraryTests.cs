using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Tests.Library;

/// <summary>A server's own words and the shipped ones, seen as one library.</summary>
public sealed class WordLibraryTests
{
    [Fact]
    public void Autocomplete_MergesBothLibraries_WordsBeginningSoAlphabetically_ThenPhrases()
    {
        var own = Words("own", "scenic", "scale", "make scene");
        var shipped = Words("shipped", "scalar", "scale", "scrutiny", "big scoop");
        var library = new WordLibrary(own, shipped);

        Assert.Equal(["scalar", "scale", "scenic", "scrutiny", "make scene", "big scoop"], library.Complete("sc", 25));
        Assert.Equal(["scale"], library.Complete("scale", 25));
        Assert.Equal(["scalar", "scale"], library.Complete("sc", 2));
    }

    [Fact]
    public void Autocomplete_AWordOrPhraseInBoth_IsOfferedOnce()
    {
        var library = new WordLibrary(Words("own", "scale", "make scene", "big scoop"), Words("shipped", "big scoop", "scale", "make scene"));

        Assert.Equal(["scale", "make scene", "big scoop"], library.Complete("sc", 25));
    }

    [Fact]
    public void Define_AWordInBoth_ShowsTheServersEntryFirst_ThenTheShippedOne()
    {
        var library = new WordLibrary(Words("own", "scale"), Words("shipped", "scale", "scrutiny"));

        Assert.Equal(["own", "shipped"], library.Find("scales").Select(w => w.ArticleId));
        Assert.Equal(["shipped"], library.Find("scrutiny").Select(w => w.ArticleId));
    }

    private static OwnWords Words(string article, params string[] headwords) => new(
    [
        new ServerArticle
        {
            GuildId = "g",
            Name = article,
            Title = article,
            Words = [.. headwords.Select(h => new WordDocument { Key = h, Headword = h, ArticleId = article, Chinese = ["字"], PartOfSpeech = "n." })],
        },
    ]);
}
