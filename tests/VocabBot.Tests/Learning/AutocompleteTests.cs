using VocabBot.Learning.Define;
using VocabBot.Library;

namespace VocabBot.Tests.Learning;

public sealed class AutocompleteTests
{
    [Fact]
    public async Task Autocomplete_Prefix_ExactWordFirstThenAlphabetical()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(["secure"], bot.Complete("define", "word", "SEC"));
        Assert.Equal(["scaling", "scrutiny"], bot.Complete("define", "word", "sc"));
        Assert.Equal(["deal", "demand"], bot.Complete("define", "word", "de"));
    }

    [Fact]
    public async Task Autocomplete_LaterWordOfPhrase_FindsPhrase()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(["access to", "get access"], bot.Complete("define", "word", "access"));
    }

    [Fact]
    public async Task Autocomplete_TypedWithCapitalsOrSpacesAround_FindsTheSameWords()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(["get access"], bot.Complete("define", "word", "get acc"));
        Assert.Equal(["get access"], bot.Complete("define", "word", " GET   Acc "));
        Assert.Equal(["access to", "get access"], bot.Complete("define", "word", "Access\t"));
    }

    [Fact]
    public async Task Autocomplete_Empty_GivesAtMost25()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(25, bot.Complete("define", "word", "").Count);
        Assert.Empty(bot.Complete("define", "nothing", "a"));
    }

    [Fact]
    public void Autocomplete_FortyThousandWords_AnswersEveryPrefixWithAtMostTwentyFive()
    {
        var random = new Random(5);
        var words = Enumerable.Range(0, 40_000)
            .Select(_ => new string(Enumerable.Range(0, random.Next(3, 12)).Select(_ => (char)('a' + random.Next(26))).ToArray()))
            .Select((w, i) => i % 10 == 0 ? $"{w} {w[..2]}x" : w)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = new HeadwordIndex(() => words);
        index.Complete("ab");
        var prefixes = Enumerable.Range(0, 2_000).Select(i => words[i * 17 % words.Length][..Math.Min(2 + i % 3, 3)]).ToArray();

        // Its latency is measured in tests/VocabBot.Benchmarks (docs/PERFORMANCE.md), not timed here.
        foreach (var prefix in prefixes)
            Assert.InRange(index.Complete(prefix).Count, 1, 25);
        Assert.Equal(25, index.Complete("a").Count);
    }

    [Fact]
    public async Task Autocomplete_Article_MatchesFileOrTitle()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(["000_openai_amazon.md"], bot.Complete("quiz", "article", "Amazon"));
        Assert.Empty(bot.Complete("quiz", "article", "nothing like it"));
    }
}
