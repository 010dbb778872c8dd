using VocabBot.Content;

namespace VocabBot.Tests.Content;

public sealed class VocabularyTests
{
    [Fact]
    public async Task Find_UnknownTerm_ReturnsNothing()
    {
        // Used to throw: the marked-forms lookup compared an array of two forms with '='.
        await using var bot = await TestBot.StartAsync();

        Assert.Empty(bot.Get<Vocabulary>().Find("loosn"));
    }

    [Fact]
    public async Task Find_MarkedForm_FindsHeadword()
    {
        await using var bot = await TestBot.StartAsync();

        var entry = Assert.Single(bot.Get<Vocabulary>().Find("Scaling"));

        Assert.Equal("scaling", entry.Key);
    }
}
