using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;

using VocabBot.Chat;

namespace VocabBot.Tests.Learning;

public sealed class ReviewTests
{
    // Word questions alone: a mixed quiz of five or more also asks about a summary's correction, which is no word to review.
    private static readonly (string, string) WordsOnly = ("kind", "meaning");

    [Fact]
    public async Task Answer_UpdatesThatUsersMemoryWithFsrs()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "2"));
        var first = bot.QuestionOf(quiz);
        var next = await bot.ClickAsync("u1", bot.RightButton(quiz));
        var second = await bot.ClickAsync("u1", next.ButtonList[0]);
        await bot.ClickAsync("u1", bot.WrongButton(second));

        var memory = bot.Get<ReviewMemory>();
        var good = memory.Find("u1", first.WordKey)!;
        Assert.Equal(3.7145, good.Stability, 4);
        Assert.Equal(5.1618, good.Difficulty, 4);
        Assert.Equal(TestBot.Start.AddDays(4), good.Due);
        var again = memory.Find("u1", bot.QuestionOf(second).WordKey)!;
        Assert.Equal(0.4872, again.Stability, 4);
        Assert.Equal(7.6214, again.Difficulty, 4);
        Assert.Equal(TestBot.Start.AddDays(1), again.Due);
        Assert.Equal(1, again.Lapses);
        Assert.Null(memory.Find("u2", first.WordKey));
    }

    [Fact]
    public async Task Quiz_AfterMisses_AsksMissedWordsBeforeNewOnes()
    {
        await using var bot = await TestBot.StartAsync();
        var (right, wrong) = await AnswerAsync(bot, 5, i => i % 2 == 0);

        var next = Questions(bot, await bot.SendAsync("u1", "quiz", ("count", "5"), WordsOnly));

        Assert.Equal(wrong, next.Take(2).Select(q => q.WordKey));
        Assert.Empty(next.Skip(2).Select(q => q.WordKey).Intersect(right));
    }

    [Fact]
    public async Task Quiz_LaterOn_AsksDueWordsFirstSoonestDueFirst()
    {
        await using var bot = await TestBot.StartAsync();
        var (right, wrong) = await AnswerAsync(bot, 5, i => i % 2 == 0);
        bot.Time.Advance(TimeSpan.FromDays(5));

        var next = Questions(bot, await bot.SendAsync("u1", "quiz", ("count", "6"), WordsOnly));

        // Missed words fell due after 1 day, right ones after 4.
        Assert.Equal(wrong, next.Take(2).Select(q => q.WordKey));
        Assert.Equal(right.Order(), next.Skip(2).Take(3).Select(q => q.WordKey).Order());
        Assert.DoesNotContain(next[5].WordKey, right.Concat(wrong));
    }

    [Fact]
    public async Task Review_AsksOnlyDueWords()
    {
        await using var bot = await TestBot.StartAsync();
        var (_, wrong) = await AnswerAsync(bot, 5, i => i % 2 == 0);
        bot.Time.Advance(TimeSpan.FromDays(1));

        var reply = await bot.SendAsync("u1", "review", ("count", "20"));

        Assert.StartsWith("Review: 2 due words.\nQuestion 1/2: ", reply.Text);
        Assert.Equal(wrong, Questions(bot, reply).Select(q => q.WordKey));
    }

    [Fact]
    public async Task Review_NothingDue_SaysWhenTheNextOneIs()
    {
        await using var bot = await TestBot.StartAsync();
        await AnswerAsync(bot, 3, _ => true);

        var reply = await bot.SendAsync("u1", "review");

        // Answered at 01:00 UTC, due 4 days later: 09:00 in Taipei (UTC+8).
        Assert.True(reply.Ephemeral);
        Assert.Equal("Nothing is due for review; the next word is due 2026-01-09 09:00 (Asia/Taipei), in 4 days.", reply.Text);
    }

    [Fact]
    public async Task Review_NeverAnswered_SaysToQuizFirst()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "review");

        Assert.Equal("You have no words in review yet; answer some with /quiz first.", reply.Text);
    }

    [Fact]
    public async Task Memory_ArticleMovedAndEdited_KeepsProgress()
    {
        using var content = new TempContent().Article("a.md", "Alpha", "2025/01/01",
            "contract | /x/ | n. | 合約 | A contract.", "deal | /x/ | n. | 協議 | A deal.", "loan | /x/ | n. | 貸款 | A loan.", "era | /x/ | n. | 時代 | An era.");
        await using var bot = await TestBot.StartAsync(content.Directory);
        await AnswerAsync(bot, 4, _ => false);
        File.Delete(Path.Combine(content.Directory, "a.md"));
        content.Article("renamed.md", "Alpha, edited", "2025/01/03",
            "Contract | /x/ | n. | 合約；契約 | A new contract.", "deal | /x/ | n. | 協議 | A deal.", "loan | /x/ | n. | 貸款 | A loan.", "era | /x/ | n. | 時代 | An era.");
        bot.Get<ContentImporter>().Import(content.Directory);
        bot.Time.Advance(TimeSpan.FromDays(1));

        var reply = await bot.SendAsync("u1", "review", ("count", "20"));

        Assert.StartsWith("Review: 4 due words.", reply.Text);
        Assert.All(Questions(bot, reply), q => Assert.Equal("Alpha, edited", bot.Get<Vocabulary>().ByKey(q.WordKey).Single().ArticleTitle));
    }

    /// <summary>Runs a quiz of <paramref name="count"/> for u1 and returns the words answered right and wrong, in order.</summary>
    private static async Task<(List<string> Right, List<string> Wrong)> AnswerAsync(TestBot bot, int count, Func<int, bool> right)
    {
        var quiz = await bot.SendAsync("u1", "quiz", ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), WordsOnly);
        var questions = Questions(bot, quiz);
        await bot.AnswerAllAsync("u1", quiz, right);
        return (questions.Where((_, i) => right(i)).Select(q => q.WordKey).ToList(),
            questions.Where((_, i) => !right(i)).Select(q => q.WordKey).ToList());
    }

    private static List<QuizQuestion> Questions(TestBot bot, ChatReply quiz) =>
        bot.Get<IQuizStore>().Find(quiz.ButtonList[0].Id.ToString().Split(':')[1])!.Questions;
}
