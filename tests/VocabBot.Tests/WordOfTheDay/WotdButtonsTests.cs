using VocabBot.Learning;

using VocabBot.Chat;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WotdButtonsTests
{
    private static async Task<ChatReply> TodayAsync(TestBot bot) =>
        await bot.Commands.HandleAsync(new ChatRequest("u1", "Mei", "guild", "wotd", new Dictionary<string, string>(), "chan"), CancellationToken.None);

    [Fact]
    public async Task QuizMe_StartsAPrivateOneQuestionQuizOnThatWord_ForWhoeverClicks()
    {
        await using var bot = await TestBot.StartAsync();
        var post = await TodayAsync(bot);
        var word = post.Card!.Title.Replace("📖 ", "");

        var quiz = await bot.ClickAsync("someone-else", post.ButtonList.Single(b => b.Label == "Quiz me"));

        Assert.True(quiz.Ephemeral);
        Assert.Equal(4, quiz.ButtonList.Count);
        Assert.Equal(word, bot.QuestionOf(quiz).WordKey);
        var answered = await bot.ClickAsync("someone-else", bot.RightButton(quiz));
        Assert.Contains("1/1", answered.Text + answered.Card?.Footer);
        Assert.DoesNotContain(answered.ButtonList, b => b.Label == "Next");
    }

    [Fact]
    public async Task Define_ShowsTheWordsCardPrivately()
    {
        await using var bot = await TestBot.StartAsync();
        var post = await TodayAsync(bot);

        var define = await bot.ClickAsync("u2", post.ButtonList.Single(b => b.Label == "Define"));

        Assert.True(define.Ephemeral);
        Assert.Equal(post.Card!.Title.Replace("📖 ", ""), define.Card!.Title);
        Assert.Contains(define.Card.Fields, f => f.Name == "In the article");
    }
}
