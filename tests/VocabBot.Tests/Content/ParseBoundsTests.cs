using System.Text;
using VocabBot.Content;

namespace VocabBot.Tests.Content;

/// <summary>Issue #12 items 4 and 5: what bounds one file's parse, and the linking of many rows and marks.</summary>
public sealed class ParseBoundsTests
{
    [Fact]
    public void DeeplyNestedQuotes_AreAnError_NotAnException()
    {
        var result = new ArticleParser().Parse("deep.md", HostileFiles.DeepQuotes);

        Assert.Null(result.Article);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Error, 1), (error.Severity, error.Line));
        Assert.StartsWith("Markdig cannot read this file: Markdown elements in the input are too deeply nested", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> SlowFiles => new()
    {
        { "links.md", HostileFiles.SlowLinks },
        { "references.md", HostileFiles.SlowReferences },
    };

    [Theory]
    [MemberData(nameof(SlowFiles))]
    public async Task AParsePastItsTimeout_ReturnsAnErrorForTheFile(string name, string text)
    {
        var parser = new ArticleParser(TimeProvider.System, TimeSpan.FromMilliseconds(100));

        var result = await HostileFiles.Bounded(() => parser.Parse(name, text));

        Assert.True(result.TimedOut);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal($"{name}:1: error: parsing took longer than Content:ParseTimeout (00:00:00.1000000); not imported", error.ToString());
    }

    [Fact]
    public void ManyRowsAndMarks_EachRowLinksToItsFirstExactMark_ElseItsFirstInflectedOne()
    {
        const int Count = 2_000;
        var heads = Enumerable.Range(0, Count).Select(Letters).ToList();
        var body = new StringBuilder();
        // Every row's inflected form first, then for even rows the exact form, then a mark no row has.
        foreach (var head in heads)
            body.Append($"They kept `{head}ing` well. ");
        foreach (var head in heads.Where((_, i) => i % 2 == 0))
            body.Append($"Then `{head}` again. ");
        body.Append("And `unmatched` too.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n");
        foreach (var head in heads)
            body.Append($"| {head} | x | v. | 詞 | e |\n");

        var result = new ArticleParser().Parse("many.md", HostileFiles.Head + body);

        var words = result.Article!.Words;
        Assert.Equal(Count, words.Count);
        Assert.All(words.Where((_, i) => i % 2 == 0), w => Assert.Equal(w.Headword, w.MarkedAs));
        Assert.All(words.Where((_, i) => i % 2 == 1), w => Assert.Equal($"{w.Headword}ing", w.MarkedAs));
        Assert.Equal($"They kept {heads[1]}ing well.", words[1].Context);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("`unmatched` is marked in the article but no vocabulary row matches it", warning.Message);
    }

    [Fact]
    public void AMarkInAVeryLongSentence_GetsTheWordsAroundIt_NotTheWholeSentence()
    {
        var before = string.Concat(Enumerable.Repeat("and more words ", 400));
        var text = $"{HostileFiles.Head}It {before}`loosened` {before}end.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n| loosen | x | v. | 放鬆 | e |\n";

        var context = new ArticleParser().Parse("long.md", text).Article!.Words.Single().Context!;

        Assert.InRange(context.Length, 400, 520);
        Assert.Contains(" loosened ", context, StringComparison.Ordinal);
        Assert.StartsWith("… ", context, StringComparison.Ordinal);
        Assert.EndsWith(" …", context, StringComparison.Ordinal);
    }

    /// <summary>A word of letters only (the inflection rules ignore digits): 0 → "zab", 1 → "zac", ...</summary>
    private static string Letters(int number)
    {
        var word = new StringBuilder("zab");
        for (var n = number; n > 0; n /= 20)
            word.Append("bcdfghjklmnpqrstvwxz"[n % 20]);
        return word.ToString();
    }
}
