using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Scores;

using VocabBot.Chat;

namespace VocabBot.Tests.Learning;

public sealed class QuizAnswerTests
{
    [Fact]
    public async Task Answer_Right_SaysSoWithExampleScoreAndNext()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "3"));
        var question = bot.QuestionOf(quiz);

        var reply = await bot.ClickAsync("u1", bot.RightButton(quiz));

        var lines = reply.Text.Split('\n');
        Assert.Equal("✅ Right! +10 points", lines[0]);
        Assert.Equal($"Answer: {question.Headword} — {question.Meaning}", lines[1]);
        Assert.Equal($"Example: {question.Example}", lines[2]);
        Assert.Equal("Score: 1/1 right, 10 points", lines[3]);
        Assert.Equal("Next", Assert.Single(reply.ButtonList).Label);
        Assert.False(reply.Ephemeral);
    }

    [Fact]
    public async Task Answer_Wrong_ShowsTheRightAnswer()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "3"));
        var question = bot.QuestionOf(quiz);
        var wrong = bot.WrongButton(quiz);

        var reply = await bot.ClickAsync("u1", wrong);

        Assert.StartsWith($"❌ Not quite: you picked “{wrong.Label}”.\nAnswer: {question.Headword} — {question.Meaning}\n", reply.Text);
        Assert.EndsWith("Score: 0/1 right, 0 points", reply.Text);
    }

    [Fact]
    public async Task Next_AfterAnswer_ShowsTheNextQuestion()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "3"));
        var answered = await bot.ClickAsync("u1", bot.RightButton(quiz));

        var next = await bot.ClickAsync("u1", answered.ButtonList[0]);

        Assert.StartsWith("Question 2/3: ", next.Text);
        Assert.Equal(4, next.ButtonList.Count);
        var again = await bot.ClickAsync("u1", answered.ButtonList[0]);
        Assert.True(again.Ephemeral);
    }

    [Fact]
    public async Task Answer_LastQuestion_EndsWithSummary()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "4"));

        // Right, wrong, right, right: 10 + 0 + 10 + 10, the wrong one broke the run before a bonus.
        var last = await bot.AnswerAllAsync("u1", quiz, i => i != 1);

        Assert.Contains("Score: 3/4 right, 30 points", last.Text);
        Assert.Contains("Quiz finished: 3 of 4 right, 30 points. /review brings words back when they are due; /stats shows your progress.\nMissed:\n", last.Text);
    }

    [Fact]
    public async Task FinishedQuiz_ListsTheMissedWords_AndItsButtonQuizzesJustThose()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "4"));
        var session = bot.Get<IQuizStore>().Find(quiz.ButtonList[0].Id.Arg(0))!;

        var last = await bot.AnswerAllAsync("u1", quiz, i => i is not (1 or 3));
        var missed = new[] { session.Questions[1], session.Questions[3] };
        var listed = last.Text[(last.Text.IndexOf("\nMissed:\n", StringComparison.Ordinal) + "\nMissed:\n".Length)..];
        var again = await bot.ClickAsync("u1", Assert.Single(last.ButtonList));

        Assert.Equal(string.Join('\n', missed.Select(q => $"• **{q.Headword}**: {q.Meaning}")), listed);
        Assert.Equal("Quiz me on these 2 words", last.ButtonList[0].Label);
        Assert.True(again.Ephemeral);
        Assert.StartsWith("Again: the 2 words you missed.\nQuestion 1/2: ", again.Text);
        var asked = bot.Get<IQuizStore>().Find(again.ButtonList[0].Id.Arg(0))!.Questions.Select(q => q.WordKey);
        Assert.Equal(missed.Select(q => q.WordKey).Order(), asked.Order());
    }

    [Fact]
    public async Task QuizAllRight_HasNoMissedWordsNorButton()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz", ("count", "3"));

        var last = await bot.AnswerAllAsync("u1", quiz, _ => true);

        Assert.Empty(last.ButtonList);
        Assert.DoesNotContain("Missed:", last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_ByAnotherUser_GetsPrivateHintAndChangesNothing()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz");

        var reply = await bot.ClickAsync("u2", bot.RightButton(quiz));

        Assert.True(reply.Ephemeral);
        Assert.Equal("This quiz is Name of u1's; start your own with /quiz.", reply.Text);
        Assert.Null(bot.QuestionOf(quiz).Chosen);
        Assert.Null(bot.Get<Scoreboard>().TotalsOf("guild", "u2"));
        Assert.StartsWith("✅", (await bot.ClickAsync("u1", bot.RightButton(quiz))).Text);
    }

    [Fact]
    public async Task Answer_SecondClick_ChangesNothing()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz");
        await bot.ClickAsync("u1", bot.RightButton(quiz));

        var second = await bot.ClickAsync("u1", bot.WrongButton(quiz));

        Assert.True(second.Ephemeral);
        Assert.Equal("You already answered this question; your first answer stands.", second.Text);
        Assert.Equal(bot.QuestionOf(quiz).Answer, bot.QuestionOf(quiz).Chosen);
        var totals = bot.Get<Scoreboard>().TotalsOf("guild", "u1")!;
        Assert.Equal((1, 1), (totals.Answers, totals.Right));
    }

    [Fact]
    public async Task Quiz_Abandoned_ExpiresAfterFifteenMinutes()
    {
        await using var bot = await TestBot.StartAsync();
        var quiz = await bot.SendAsync("u1", "quiz");
        bot.Time.Advance(TimeSpan.FromMinutes(14));
        var answered = await bot.ClickAsync("u1", bot.RightButton(quiz));
        Assert.StartsWith("✅", answered.Text);

        bot.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var reply = await bot.ClickAsync("u1", answered.ButtonList[0]);

        Assert.True(reply.Ephemeral);
        Assert.Equal("This quiz expired after 15 minutes without an answer; start a new one with /quiz.", reply.Text);
        Assert.Equal(1, bot.Get<Scoreboard>().TotalsOf("guild", "u1")!.Answers);
    }

    [Fact]
    public async Task Quiz_AfterRestart_ContinuesWhereItWas()
    {
        var database = Path.Combine(Path.GetTempPath(), $"vocabbot-restart-{Guid.NewGuid():N}.db");
        try
        {
            ChatReply answered;
            await using (var before = await TestBot.StartAsync(databasePath: database))
            {
                var quiz = await before.SendAsync("u1", "quiz", ("count", "2"));
                answered = await before.ClickAsync("u1", before.RightButton(quiz));
            }

            await using var after = await TestBot.StartAsync(databasePath: database, time: new(TestBot.Start.AddMinutes(5)));
            var next = await after.ClickAsync("u1", answered.ButtonList[0]);
            Assert.StartsWith("Question 2/2: ", next.Text);
            var last = await after.ClickAsync("u1", after.RightButton(next));
            Assert.EndsWith("Quiz finished: 2 of 2 right, 20 points. /review brings words back when they are due; /stats shows your progress.", last.Text);
        }
        finally
        {
            File.Delete(database);
        }
    }

    [Fact]
    public async Task Quiz_NewOne_ClosesTheOlder()
    {
        await using var bot = await TestBot.StartAsync();
        var first = await bot.SendAsync("u1", "quiz");
        await bot.SendAsync("u1", "quiz");

        var reply = await bot.ClickAsync("u1", bot.RightButton(first));

        Assert.Equal("You started a newer quiz; answer that one, or start again with /quiz.", reply.Text);
    }

    [Theory]
    [InlineData("quiz:000000000000:0:1", "That quiz is no longer open; start a new one with /quiz.")]
    [InlineData("quiz:broken", "That button is not one of this bot's quiz buttons.")]
    [InlineData("other:thing", "That button is no longer active.")]
    public async Task Click_StaleOrForeignButton_RepliesOneLine(string id, string expected)
    {
        await using var bot = await TestBot.StartAsync();

        Assert.True(ButtonId.TryParse(id, out var parsed));
        var reply = await bot.ClickAsync("u1", new ChatButton("A", parsed));

        Assert.True(reply.Ephemeral);
        Assert.Equal(expected, reply.Text);
    }
}
