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
    public void Relative_IsDiscordsRelativeTimestamp_AndReadsAsSecondsFromNowInATerminal()
    {
        var now = new DateTimeOffset(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

        var text = $"Answers close {ChatMarkup.Relative(now.AddSeconds(15))}; the last closed {ChatMarkup.Relative(now.AddSeconds(-5))}, this one {ChatMarkup.Relative(now)}.";

        Assert.Equal($"Answers close <t:{now.ToUnixTimeSeconds() + 15}:R>; the last closed <t:{now.ToUnixTimeSeconds() - 5}:R>, this one <t:{now.ToUnixTimeSeconds()}:R>.", text);
        Assert.Equal("Answers close in 15 s; the last closed 5 s ago, this one now.", ChatMarkup.RelativeToPlain(text, now, TestText.For<ChatText>()));
        Assert.Equal("Answers close 15 秒後; the last closed 5 秒前, this one 現在.",
            ChatCulture.In(ChatCulture.TraditionalChinese, () => ChatMarkup.RelativeToPlain(text, now, TestText.For<ChatText>())));
    }

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
