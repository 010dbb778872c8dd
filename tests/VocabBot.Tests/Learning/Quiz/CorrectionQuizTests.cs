using VocabBot.Chat;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Review;
using VocabBot.Learning.Summary;
using VocabBot.Tests.Console;
using VocabBot.Tests.Learning.Summary;

namespace VocabBot.Tests.Learning.Quiz;

public sealed class CorrectionQuizTests
{
    private const string Sentence3 = "Due to OpenAI didn't earn money in last quarter, some investment were worry about this decision.";
    private const string Corrected3 = "Since OpenAI did not make a profit last quarter, some investors are worried about this decision.";

    [Fact]
    public async Task CorrectionQuestion_SeedsThirdSentence_FourDistinctVersionsOnlyOneFullyCorrected()
    {
        await using var bot = await TestBot.StartAsync();

        var quiz = await bot.SendAsync("u1", "quiz", ("kind", "correction"), ("count", "20"));

        Assert.StartsWith("Quiz: 3 correction questions (only 3 to ask).\nQuestion 1/3: Which version of this sentence from the summary of “ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon” corrects every mistake?\n> ", quiz.Text);
        Assert.Equal(["A", "B", "C", "D"], quiz.ButtonList.Select(b => b.Label));
        var session = bot.Get<IQuizStore>().Find(quiz.ButtonList[0].Id.Arg(0))!;
        Assert.Equal(["correction:000_openai_amazon.md#1", "correction:000_openai_amazon.md#2", "correction:000_openai_amazon.md#3"], session.Questions.Select(q => q.WordKey).Order());
        var third = session.Questions.Single(q => q.WordKey.EndsWith("#3", StringComparison.Ordinal));
        Assert.Equal(QuestionKind.Correction, third.Kind);
        Assert.Equal(4, third.Options.Distinct().Count());
        Assert.Equal(Corrected3, Assert.Single(third.Options, o => o == Corrected3));
        Assert.Equal(Corrected3, third.Options[third.Answer]);
        // Three changes: each wrong version applies two of them, so exactly one mistake is left to find.
        Assert.Equal(
        [
            "Due to OpenAI did not make a profit last quarter, some investors are worried about this decision.",
            "Since OpenAI did not make a profit last quarter, some investment were worry about this decision.",
            "Since OpenAI didn't earn money in last quarter, some investors are worried about this decision.",
        ], third.Options.Where(o => o != Corrected3).Order(StringComparer.Ordinal));
        Assert.Equal(Sentence3, third.Example);
        Assert.All(session.Questions, q => Assert.All(q.Options.Where((_, i) => i != q.Answer), o => Assert.NotEqual(q.Options[q.Answer], o)));
    }

    [Fact]
    public void CorrectionQuestions_SentenceWithOneChangeOrTooLong_IsLeftOut()
    {
        var longSentence = string.Join(' ', Enumerable.Repeat("The storm have closed the school", 10)) + ".";
        var article = new VocabBot.Library.LibraryArticle("a.md", "A", null, null, 4,
            $"The storm have closed the schools. The city were quiet and dark. {longSentence}",
            $"The storm has closed the schools. The city was quiet and very dark. {longSentence.Replace("have", "has", StringComparison.Ordinal)}", null, null);

        var askable = CorrectionQuestions.Askable(article);

        Assert.Equal([2], askable.Select(a => a.Pair.Number));
    }

    [Fact]
    public async Task CorrectionAnsweredRight_ScoresOnTheLeaderboard_ButIsNoWordToReview()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("kind", "correction"), ("count", "1"));
        var question = bot.QuestionOf(quiz);

        var answered = await bot.ClickAsync("u1", bot.RightButton(quiz));

        var letter = (char)('A' + question.Answer);
        Assert.Equal($"✅ Right! +10 points\nAnswer: {letter}. {question.Options[question.Answer]}\nChanges: {question.Meaning}\nScore: 1/1 right, 10 points", answered.Text.Split("\nQuiz finished")[0]);
        Assert.Equal("Leaderboard, all time:\n1. Name of u1 (you): 10 points, 100% right of 1", (await bot.SendAsync("u1", "leaderboard")).Text);
        Assert.Null(bot.Get<ReviewMemory>().Find("u1", question.WordKey));
        Assert.Equal("0", (await bot.SendAsync("u1", "stats")).Card!.Fields.Single(f => f.Name == "Words learned").Value);
    }

    [Fact]
    public async Task CorrectionAnsweredWrong_SaysTheVersionStillHasAMistake()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("kind", "correction"), ("count", "1"));
        var question = bot.QuestionOf(quiz);
        var picked = (question.Answer + 1) % 4;

        var answered = await bot.ClickAsync("u1", quiz.ButtonList[picked]);

        Assert.StartsWith($"❌ Not quite: {(char)('A' + picked)} still has a mistake.\n", answered.Text);
    }

    [Fact]
    public async Task QuizKindCorrection_ArticleWithoutCorrection_SaysSoClearly()
    {
        using var content = SummaryNotes.WithSeed().Note("001_storm.md", "Storm in the city", "2026/01/02", "The storm have closed the schools.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var reply = await bot.SendAsync("u1", "quiz", ("kind", "correction"), ("article", "storm"));

        Assert.True(reply.Ephemeral);
        Assert.Equal("“Storm in the city” has no corrected summary, so there are no correction questions; try another kind or article.", reply.Text);
    }

    [Fact]
    public async Task QuizKindCorrection_CorrectionsTooSmall_SaysWhy()
    {
        using var content = new TempContent().Note("storm.md", "Storm", "2026/01/02", "The storm have closed the schools.", "The storm has closed the schools.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var one = await bot.SendAsync("u1", "quiz", ("kind", "correction"), ("article", "storm"));
        var all = await bot.SendAsync("u1", "quiz", ("kind", "correction"));

        Assert.Equal("No sentence of “Storm”'s summary was corrected in 2 or more places (in 250 characters or fewer), so there are no correction questions; try another kind or article.", one.Text);
        Assert.Equal("No article here has a corrected summary with a sentence to ask about; try another kind.", all.Text);
    }

    [Fact]
    public async Task QuizMixed_EveryFifthQuestionIsACorrection_WhenTheArticlesHaveThem()
    {
        await using var bot = await TestBot.StartAsync();

        var five = Session(bot, await bot.SendAsync("u1", "quiz"));
        var ten = Session(bot, await bot.SendAsync("u2", "quiz", ("count", "10"), ("kind", "mixed")));
        var four = Session(bot, await bot.SendAsync("u3", "quiz", ("count", "4")));
        var review = Session(bot, await bot.SendAsync("u4", "quiz", ("count", "5"), ("kind", "meaning")));

        Assert.Equal([4], Positions(five));
        Assert.Equal([4, 9], Positions(ten));
        Assert.Empty(Positions(four));
        Assert.All(review.Questions, q => Assert.Equal(QuestionKind.Meaning, q.Kind));
    }

    [Theory]
    [InlineData("meaning", "Meaning")]
    [InlineData("reverse", "Reverse")]
    [InlineData("CLOZE", "Cloze")]
    public async Task QuizKind_AsksOnlyThatKind(string kind, string expected)
    {
        await using var bot = await TestBot.StartAsync();

        var session = Session(bot, await bot.SendAsync("u1", "quiz", ("kind", kind), ("count", "10")));

        Assert.Equal(10, session.Questions.Count);
        Assert.All(session.Questions, q => Assert.Equal(expected, q.Kind.ToString()));
    }

    [Fact]
    public async Task QuizKind_Unknown_ListsTheKinds()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "quiz", ("kind", "spelling"));

        Assert.Equal("The kind is one of meaning, reverse, cloze, correction, mixed, not 'spelling'; e.g. /quiz kind:cloze.", reply.Text);
    }

    [Fact]
    public async Task Console_CorrectionQuestion_ListsLetteredVersionsAndTheDiffAfterAnAnswer()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ConsoleChatTests.ChatAsync(bot, "/quiz 1 correction openai", "a");

        var versions = output.Split('\n').Where(l => l.Length > 3 && l[1] == '.' && l[0] is >= 'A' and <= 'D').ToList();
        Assert.Equal(4, versions.Count);
        Assert.Contains("\n[A] [B] [C] [D]\n", output);
        Assert.Matches(@"\nChanges: .*\[-[^\]]+-\]\{\+[^}]+\+\}", output);
    }

    private static QuizSession Session(TestBot bot, ChatReply quiz) => bot.Get<IQuizStore>().Find(quiz.ButtonList[0].Id.Arg(0))!;

    private static List<int> Positions(QuizSession session) =>
        [.. session.Questions.Select((q, i) => (q, i)).Where(p => p.q.Kind == QuestionKind.Correction).Select(p => p.i)];
}
