using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Learning.Scores;
using VocabBot.Library;

namespace VocabBot.Tests.Learning;

public sealed class QuizTests
{
    [Fact]
    public async Task Quiz_Default_FiveQuestionsOfFourOptionsWithExactlyOneRight()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "quiz");

        Assert.StartsWith("Quiz: 5 questions.\nQuestion 1/5: ", reply.Text);
        Assert.Equal(4, reply.ButtonList.Count);
        Assert.All(reply.ButtonList, b => Assert.True(b.Id.ToString().Length <= 100));
        var session = bot.Get<IQuizStore>().Find(reply.ButtonList[0].Id.ToString().Split(':')[1])!;
        Assert.Equal(5, session.Questions.Count);
        Assert.Equal(5, session.Questions.Select(q => q.WordKey).Distinct().Count());
        Assert.Equal(QuestionKind.Correction, session.Questions[4].Kind); // the seed's summary has a correction
        var corrected = Sentences.Split(bot.Get<ServerLibraries>().For("guild").Articles().Single().CorrectedSummary!);
        foreach (var question in session.Questions)
        {
            Assert.Equal(4, question.Options.Distinct().Count());
            var right = question.Kind switch
            {
                QuestionKind.Meaning => question.Meaning,
                QuestionKind.Correction => Assert.Single(question.Options, corrected.Contains),
                // In the form its sentence uses ("loans"): the one option that is a form of the word.
                QuestionKind.Cloze => Assert.Single(question.Options, o => Inflections.Matches(question.Headword, o)),
                _ => question.Headword,
            };
            Assert.Equal(right, question.Options[question.Answer]);
            Assert.Single(question.Options, right);
        }
    }

    [Fact]
    public async Task Quiz_Distractors_SharePartOfSpeechAndNeverTheMeaning()
    {
        await using var bot = await TestBot.StartAsync();
        var words = bot.Get<Vocabulary>().All().Select(WordEntry.Of).ToList();
        var byOption = words.ToDictionary(w => w.Headword).Concat(words.ToDictionary(w => string.Join("；", w.Chinese)))
            .ToDictionary(p => p.Key, p => p.Value);

        var questions = new QuizBuilder(new Random(3), TestText.For<LearningText>()).Build(words, words);

        Assert.Equal(words.Count, questions.Count);
        foreach (var (question, word) in questions.Zip(words))
        {
            // A cloze's options are in its sentence's form ("contracts"): found through their base forms.
            var distractors = question.Options.Where((_, i) => i != question.Answer)
                .Select(o => byOption.TryGetValue(o, out var exact) ? exact : words.First(w => Inflections.Matches(w.Headword, o)));
            foreach (var distractor in distractors)
            {
                Assert.NotEqual(word.Key, distractor.Key);
                Assert.Empty(distractor.Chinese.Intersect(word.Chinese));
                // Every part of speech in the seed article has at least four words.
                Assert.True(SharesPartOfSpeech(word.PartOfSpeech, distractor.PartOfSpeech), $"{word.Headword} ({word.PartOfSpeech}) got {distractor.Headword} ({distractor.PartOfSpeech})");
            }
        }
    }

    // A single word among three phrases (or the other way round) would be the odd one out, and so the answer.
    [Fact]
    public void Distractors_PhrasesGoWithPhrases_AndWordsWithWords()
    {
        WordEntry Word(string headword, int n) => new(headword, headword, "v.", [$"意思{n}"], $"They {headword} it.", "a");
        string[] phrases = ["carry out", "look into", "set up", "take over", "give up", "bring about"];
        string[] singles = ["gain", "obtain", "acquire", "lose", "hold", "keep"];
        var pool = phrases.Concat(singles).Select(Word).ToList();

        for (var seed = 0; seed < 20; seed++)
        {
            var builder = new QuizBuilder(new Random(seed), TestText.For<LearningText>());
            var phraseQuestion = builder.Build([pool[0]], new QuizPool(pool), QuestionKind.Reverse).Single();
            var wordQuestion = builder.Build([pool[6]], new QuizPool(pool), QuestionKind.Reverse).Single();

            Assert.All(phraseQuestion.Options, o => Assert.Contains(o, phrases));
            Assert.All(wordQuestion.Options, o => Assert.Contains(o, singles));
        }
    }

    [Fact]
    public void Distractors_ForAPhrase_AreSingleWords_WhenTheLibraryHasTooFewPhrases()
    {
        WordEntry Word(string headword, int n) => new(headword, headword, "v.", [$"意思{n}"], $"They {headword} it.", "a");
        var pool = new[] { "carry out", "gain", "obtain", "acquire", "lose" }.Select(Word).ToList();

        var question = new QuizBuilder(new Random(1), TestText.For<LearningText>()).Build([pool[0]], new QuizPool(pool), QuestionKind.Reverse).Single();

        Assert.Equal(4, question.Options.Count);
        Assert.Contains("carry out", question.Options);
    }

    [Fact]
    public async Task Quiz_SharedMeaning_NeverOffersItAsWrongOption()
    {
        using var content = new TempContent().Article("a.md", "Meanings", "2025/01/01",
            "gain | /ɡeɪn/ | v. | 獲得；取得 | We gain ground.",
            "obtain | /əbˈteɪn/ | v. | 取得 | We obtain it.",
            "acquire | /əˈkwaɪər/ | v. | 獲得 | We acquire it.",
            "lose | /luːz/ | v. | 失去 | We lose it.",
            "keep | /kiːp/ | v. | 保持 | We keep it.",
            "hold | /hoʊld/ | v. | 握住 | We hold it.");
        await using var bot = await TestBot.StartAsync(content.Directory);
        var words = bot.Get<Vocabulary>().All().Select(WordEntry.Of).ToList();
        var gain = words.Single(w => w.Key == "gain");

        for (var seed = 0; seed < 20; seed++)
        {
            var question = new QuizBuilder(new Random(seed), TestText.For<LearningText>()).Build([gain], words).Single();
            Assert.DoesNotContain(question.Options, o => o is "obtain" or "acquire" or "取得" or "獲得");
        }
    }

    [Fact]
    public async Task Quiz_SameSeed_SameQuizAndAnotherSeedDiffers()
    {
        async Task<List<string>> QuizWith(int seed)
        {
            await using var bot = await TestBot.StartAsync(seed: seed);
            var reply = await bot.SendAsync("u1", "quiz", ("count", "10"));
            var session = bot.Get<IQuizStore>().Find(reply.ButtonList[0].Id.ToString().Split(':')[1])!;
            return session.Questions.Select(q => $"{q.Prompt} [{string.Join(", ", q.Options)}] {q.Answer}").ToList();
        }

        Assert.Equal(await QuizWith(7), await QuizWith(7));
        Assert.NotEqual(await QuizWith(7), await QuizWith(8));
    }

    [Fact]
    public async Task Quiz_Twenty_MixesAllThreeKinds()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "quiz", ("count", "20"));

        var session = bot.Get<IQuizStore>().Find(reply.ButtonList[0].Id.ToString().Split(':')[1])!;
        Assert.Equal(20, session.Questions.Count);
        Assert.Equal(Enum.GetValues<QuestionKind>(), session.Questions.Select(q => q.Kind).Distinct().Order());
        Assert.All(session.Questions.Where(q => q.Kind == QuestionKind.Cloze), q => Assert.Contains(Cloze.Blank, q.Prompt));
    }

    [Theory]
    [InlineData("Their exclusive cloud agreement was loosened.", "loosen", "Their exclusive cloud agreement was _____.")]
    [InlineData("OpenAI’s rush to secure power shows urgency.", "rush to", "OpenAI’s _____ secure power shows urgency.")]
    [InlineData("Nvidia’s processors are used to train AI models.", "processor", "Nvidia’s _____ are used to train AI models.")]
    [InlineData("The start-up continues to secure computing power.", "start-up", "The _____ continues to secure computing power.")]
    public void Cloze_Example_BlanksTheWordInAnyForm(string sentence, string headword, string expected)
    {
        Assert.Equal(expected, Cloze.Make(sentence, headword));
    }

    [Fact]
    public void Cloze_WordNotInSentence_IsNull()
    {
        Assert.Null(Cloze.Make("Their deals have been drawing regulatory scrutiny.", "spree"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("21")]
    [InlineData("five")]
    [InlineData("-3")]
    public async Task Quiz_CountOutOfRange_RepliesOneLine(string count)
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "quiz", ("count", count));

        Assert.True(reply.Ephemeral);
        Assert.Equal($"The count must be a whole number from 1 to 20, not '{count}'; e.g. /quiz 5.", reply.Text);
    }

    [Fact]
    public async Task Quiz_UnknownArticle_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "quiz", ("article", "the moon landing"));

        Assert.True(reply.Ephemeral);
        Assert.Equal("No article matches 'the moon landing'; leave it out or pick one the autocomplete offers.", reply.Text);
    }

    [Fact]
    public async Task Quiz_Article_AsksOnlyThatArticlesWords()
    {
        using var content = new TempContent()
            .Article("a.md", "Alpha", "2025/01/01", "contract | /x/ | n. | 合約 | A contract.", "deal | /x/ | n. | 協議 | A deal.", "loan | /x/ | n. | 貸款 | A loan.")
            .Article("b.md", "Beta", "2025/01/02", "era | /x/ | n. | 時代 | An era.", "path | /x/ | n. | 路徑 | A path.", "stake | /x/ | n. | 股份 | A stake.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var reply = await bot.SendAsync("u1", "quiz", ("count", "10"), ("article", "beta"));

        Assert.StartsWith("Quiz: 3 questions (only 3 to ask).", reply.Text);
        var session = bot.Get<IQuizStore>().Find(reply.ButtonList[0].Id.ToString().Split(':')[1])!;
        Assert.Equal(["era", "path", "stake"], session.Questions.Select(q => q.WordKey).Order());
    }

    [Fact]
    public async Task Quiz_ArticleWithoutWords_RepliesOneLine()
    {
        using var content = new TempContent()
            .Article("a.md", "Alpha", "2025/01/01", "contract | /x/ | n. | 合約 | A contract.", "deal | /x/ | n. | 協議 | A deal.", "loan | /x/ | n. | 貸款 | A loan.", "era | /x/ | n. | 時代 | An era.")
            .Article("empty.md", "Nothing here", "2025/01/02");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var reply = await bot.SendAsync("u1", "quiz", ("article", "empty"));

        Assert.True(reply.Ephemeral);
        Assert.Equal("That article has no words to ask; pick another or leave the article out.", reply.Text);
    }

    [Fact]
    public async Task Quiz_TooFewWords_RepliesOneLine()
    {
        using var content = new TempContent().Article("a.md", "Tiny", "2025/01/01", "era | /x/ | n. | 時代 | An era.", "path | /x/ | n. | 路徑 | A path.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var reply = await bot.SendAsync("u1", "quiz");

        Assert.True(reply.Ephemeral);
        Assert.Equal("A quiz needs at least 4 words and this server's library has 2; a server manager can add notes with /article add.", reply.Text);
    }

    internal static bool SharesPartOfSpeech(string a, string b) =>
        a.Split('/').Select(p => p.TrimEnd('.')).Intersect(b.Split('/').Select(p => p.TrimEnd('.'))).Any();
}
