using VocabBot.Chat;
using VocabBot.Learning.Summary;

namespace VocabBot.Tests.Chat;

public sealed class ChatMarkupTests
{
    [Theory]
    [InlineData("start ~~Due to~~ **Since** OpenAI", "start [-Due to-]{+Since+} OpenAI")]
    [InlineData("intelligence**,** and ~~also~~ Amazon", "intelligence{+,+} and [-also-] Amazon")]
    [InlineData("Amazon ~~is~~**, being** a", "Amazon [-is-]{+, being+} a")]
    [InlineData("no marks at all", "no marks at all")]
    [InlineData(@"a \*starred\* ~~x\~y~~ word", "a *starred* [-x~y-] word")]
    [InlineData(@"C:\notes\file.md", @"C:\notes\file.md")]
    public void ToPlain_ReadsLikeGitsWordDiff(string markup, string plain) =>
        Assert.Equal(plain, ChatMarkup.ToPlain(markup));

    [Fact]
    public void Escape_UserText_ComesBackAsTyped()
    {
        const string typed = @"a*b_c~d`e|f\g";

        var escaped = ChatMarkup.Escape(typed);

        Assert.Equal(@"a\*b\_c\~d\`e\|f\\g", escaped);
        Assert.Equal(typed, ChatMarkup.ToPlain(escaped));
    }

    [Fact]
    public void EscapeWithin_CutsBetweenWords_NeverInsideAnEscape()
    {
        Assert.Equal("one two…", ChatMarkup.EscapeWithin("one two three", 10));
        Assert.Equal("ab…", ChatMarkup.EscapeWithin("ab*cdefgh", 4)); // "ab\" would leave a lone backslash
        Assert.Equal("short", ChatMarkup.EscapeWithin("short", 10));
    }

    [Fact]
    public void WordDiff_AppliesAnyChosenCorrections()
    {
        var diff = WordDiff.Of("Due to OpenAI didn't earn money in last quarter.", "Since OpenAI did not make a profit last quarter.");

        Assert.Equal(2, diff.Changes);
        Assert.Equal("Due to OpenAI didn't earn money in last quarter.", diff.Learner);
        Assert.Equal("Since OpenAI did not make a profit last quarter.", diff.Corrected);
        Assert.Equal("Since OpenAI didn't earn money in last quarter.", diff.Apply(i => i == 0));
        Assert.Equal("~~Due to~~ **Since** OpenAI ~~didn't earn money in~~ **did not make a profit** last quarter.", diff.Markup());
    }
}
