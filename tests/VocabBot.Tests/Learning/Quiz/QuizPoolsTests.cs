using VocabBot.Content;
using VocabBot.Learning.Quiz;
using VocabBot.Library;

namespace VocabBot.Tests.Learning.Quiz;

public sealed class QuizPoolsTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FirstQuizAfterStart_FindsThePoolBuiltInTheBackground()
    {
        await using var bot = await TestBot.StartAsync();
        var pools = bot.Get<QuizPools>();
        await pools.Warmed.WaitAsync(Bound);

        var quiz = await bot.SendAsync("u1", "quiz");

        Assert.StartsWith("Quiz: 5 questions.", quiz.Text, StringComparison.Ordinal);
        Assert.Equal(0, pools.BuiltOnRequest);
    }

    [Fact]
    public async Task QuizAfterAnImport_FindsTheNewPoolBuiltInTheBackground()
    {
        using var content = new TempContent().Article("a.md", "Alpha", "2025/01/01",
            "contract | /x/ | n. | 合約 | A contract.", "deal | /x/ | n. | 協議 | A deal.", "loan | /x/ | n. | 貸款 | A loan.", "era | /x/ | n. | 時代 | An era.");
        await using var bot = await TestBot.StartAsync(content.Directory);
        var pools = bot.Get<QuizPools>();
        await pools.Warmed.WaitAsync(Bound);
        content.Article("b.md", "Beta", "2025/01/02", "grant | /x/ | n. | 補助金 | A grant.");

        bot.Get<ContentImporter>().Import(content.Directory);
        await pools.Warmed.WaitAsync(Bound);

        Assert.Equal(5, pools.Current.Words.Count);
        Assert.Equal(0, pools.BuiltOnRequest);
    }
}
