namespace VocabBot.Tests.Learning;

public sealed class DefineTests
{
    [Theory]
    [InlineData("loosened", "loosen")]
    [InlineData("LOOSEN", "loosen")]
    [InlineData("getting access", "get access")]
    [InlineData("Processors", "processor")]
    public async Task Define_InflectedFormOrPhrase_FindsHeadword(string typed, string headword)
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "define", ("word", typed));

        Assert.False(reply.Ephemeral);
        Assert.Equal(headword, reply.Card!.Title);
    }

    [Fact]
    public async Task Define_Word_ShowsEveryPartOfTheEntry()
    {
        await using var bot = await TestBot.StartAsync();

        var card = (await bot.SendAsync("u1", "define", ("word", "loosened"))).Card!;

        var fields = card.Fields.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("/ˈluːsən/", fields["IPA"]);
        Assert.Equal("v.", fields["Part of speech"]);
        Assert.Equal("放鬆；減弱", fields["Chinese"]);
        Assert.Equal("Their exclusive cloud agreement was loosened.", fields["Example"]);
        Assert.Contains("when their relationship loosened", fields["In the article"]);
        Assert.Contains("ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon (2025-11-07)", fields["Article"]);
        Assert.Equal("https://www.bbc.com/news/articles/cgqlzje32pjo", card.Url);
    }

    [Fact]
    public async Task Define_WordInTwoArticles_ShowsEach()
    {
        using var content = new TempContent()
            .Article("a.md", "First story", "2025/01/01", "deal | /diːl/ | n. | 協議 | A deal was signed.")
            .Article("b.md", "Second story", "2025/02/01", "deal | /diːl/ | v. | 處理 | They deal with it.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var card = (await bot.SendAsync("u1", "define", ("word", "deals"))).Card!;

        var articles = card.Fields.Where(f => f.Name == "Article").Select(f => f.Value).ToList();
        Assert.Equal(2, articles.Count);
        Assert.StartsWith("Second story (2025-02-01)", articles[0]);
        Assert.StartsWith("First story (2025-01-01)", articles[1]);
        Assert.Equal(["處理", "協議"], card.Fields.Where(f => f.Name == "Chinese").Select(f => f.Value));
    }

    [Fact]
    public async Task Define_UnknownWord_SuggestsCloseHeadwordsPrivately()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "define", ("word", "loosn"));

        Assert.True(reply.Ephemeral);
        Assert.Null(reply.Card);
        Assert.Equal("'loosn' is not in any article. Did you mean: loosen, loan?", reply.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Define_EmptyWord_RepliesOneLine(string typed)
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "define", ("word", typed));

        Assert.True(reply.Ephemeral);
        Assert.Equal("Give a word to look up, e.g. /define loosen.", reply.Text);
    }

    [Fact]
    public async Task Define_FiveHundredCharacters_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "define", ("word", new string('a', 500)));

        Assert.True(reply.Ephemeral);
        Assert.Equal("That is 500 characters; give one word or phrase of at most 100.", reply.Text);
    }

    [Fact]
    public async Task Define_NoWordOption_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "define");

        Assert.DoesNotContain('\n', reply.Text);
        Assert.True(reply.Ephemeral);
    }
}
