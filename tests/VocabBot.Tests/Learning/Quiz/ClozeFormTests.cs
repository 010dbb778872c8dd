using VocabBot.Learning;
using VocabBot.Learning.Quiz;
using VocabBot.Library;

namespace VocabBot.Tests.Learning.Quiz;

/// <summary>A cloze's four options are all in the form its sentence needs.</summary>
public sealed class ClozeFormTests
{
    [Theory]
    [InlineData("strengthen", "S", "strengthens")]
    [InlineData("gain", "S", "gains")]
    [InlineData("hit", "S", "hits")]
    [InlineData("rush to", "S", "rushes to")]
    [InlineData("study", "S", "studies")]
    [InlineData("loosen", "Ed", "loosened")]
    [InlineData("pave", "Ed", "paved")]
    [InlineData("stop", "Ed", "stopped")]
    [InlineData("visit", "Ed", "visited")]
    [InlineData("admit", "Ed", "admitted")]
    [InlineData("study", "Ed", "studied")]
    [InlineData("secure", "Ing", "securing")]
    [InlineData("get", "Ing", "getting")]
    [InlineData("tie", "Ing", "tying")]
    [InlineData("loosen", "Ing", "loosening")]
    public void Inflect_RegularWord_TakesTheForm(string word, string form, string expected) =>
        Assert.Equal(expected, WordForms.Inflect(word, Enum.Parse<WordForm>(form)));

    [Theory]
    [InlineData("take", "Ed")] // took or taken
    [InlineData("hit", "Ed")]  // hit
    [InlineData("echo", "S")]  // echoes, but photos
    [InlineData("have", "S")]
    [InlineData("start-up", "S")]
    public void Inflect_FormThatCannotBeToldSafely_IsNull(string word, string form) =>
        Assert.Null(WordForms.Inflect(word, Enum.Parse<WordForm>(form)));

    [Theory]
    [InlineData("strengthen", "strengthens", "S")]
    [InlineData("loosen", "loosened", "Ed")]
    [InlineData("hit", "hit", "Base")]
    [InlineData("rush to", "rushes to", "S")]
    public void FormOf_TheWordsASentenceUses(string headword, string used, string expected) =>
        Assert.Equal(Enum.Parse<WordForm>(expected), WordForms.FormOf(headword, used));

    [Theory]
    [InlineData("strengthen", "s")]
    [InlineData("loosen", "ed")]
    public async Task ClozeQuestion_OptionsAreAllInTheSentencesForm(string headword, string ending)
    {
        await using var bot = await TestBot.StartAsync();
        var pool = bot.Get<ServerLibraries>().Shipped.Pool;
        var word = pool.ByKey[headword];

        for (var seed = 0; seed < 20; seed++)
        {
            var question = Assert.Single(new QuizBuilder(new Random(seed), TestText.For<LearningText>()).Build([word], pool, QuestionKind.Cloze));

            Assert.Contains(Cloze.Blank, question.Prompt);
            Assert.Equal(4, question.Options.Distinct().Count());
            Assert.All(question.Options, option => Assert.EndsWith(ending, option));
            Assert.Equal(headword + ending, question.Options[question.Answer]);
        }
    }
}
