using VocabBot.Learning.Define;

namespace VocabBot.Tests.Learning;

public sealed class SuggestionsTests
{
    private static readonly string[] Headwords = ["contract", "contrast", "control", "deal", "loan", "loosen", "secure", "security"];

    [Fact]
    public void Suggestions_Typo_ClosestFirst()
    {
        Assert.Equal(["contract", "contrast"], Suggestions.For("contrcat", Headwords));
    }

    [Fact]
    public void Suggestions_Prefix_IncludesLongerWords()
    {
        Assert.Equal(["secure", "security"], Suggestions.For("secu", Headwords));
    }

    [Fact]
    public void Suggestions_NeverMoreThanFive()
    {
        var many = Enumerable.Range(0, 50).Select(i => $"word{i:00}").ToArray();

        Assert.Equal(5, Suggestions.For("word", many).Count);
    }

    [Fact]
    public void Distance_AdjacentSwap_CountsOne()
    {
        Assert.Equal(1, Suggestions.Distance("contrcat", "contract", 3));
        Assert.Equal(3, Suggestions.Distance("kitten", "sitting", 3));
        Assert.Equal(2, Suggestions.Distance("abcdef", "zzzzzz", 1));
    }
}
