using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Tests.Learning;

/// <summary>Chinese to English: a learner who remembers the meaning finds the word.</summary>
public sealed class ChineseLookupTests
{
    [Fact]
    public async Task Define_AChineseMeaning_FindsTheEnglishWord()
    {
        await using var bot = await TestBot.StartAsync();

        var contract = await bot.SendAsync("u1", "define", ("word", "合約"));
        var viaSecondMeaning = await bot.SendAsync("u1", "define", ("word", "契約"));

        Assert.Equal("合約 → contract: 合約；契約", contract.Text);
        Assert.Equal("contract", contract.Card!.Title);
        Assert.Equal("契約 → contract: 合約；契約", viaSecondMeaning.Text);
    }

    [Fact]
    public async Task Define_TheBeginningOfAChineseMeaning_FindsItsWord_AndAnUnknownOneSaysSo()
    {
        await using var bot = await TestBot.StartAsync();

        var processor = await bot.SendAsync("u1", "define", ("word", "處理"));
        var unknown = await bot.SendAsync("u1", "define", ("word", "火車"));

        Assert.Equal("處理 → processor: 處理器", processor.Text);
        Assert.Equal("'火車' is not in any article; try another word or phrase.", unknown.Text);
    }

    [Fact]
    public async Task Autocomplete_ChineseTyped_OffersTheWordsWhoseMeaningBeginsSo()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal(["processor"], bot.Complete("define", "word", "處理"));
        Assert.Equal(["mainstream"], bot.Complete("define", "word", "主流"));
        Assert.Equal(["gain", "get access", "secure"], bot.Complete("define", "word", "獲").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ServersOwnArticles_AreFoundByTheirChineseToo()
    {
        var article = new ArticleParser().Parse("seed.md", TestFiles.Article("seed.md")).Article!;
        var own = new OwnWords([ServerArticle.Of("g1", article, "Ada", "u1", DateTimeOffset.UnixEpoch)]);

        Assert.Equal("contract", Assert.Single(own.Find("合約")).Key);
        Assert.Equal(["processor"], own.Complete("處理", 25));
        Assert.Empty(own.Find("火車"));
    }
}
