using VocabBot.Content;
using VocabBot.Learning.Quiz;
using VocabBot.Library;

namespace VocabBot.Race;

/// <summary>
/// A race's questions: words drawn at random from the server's library (or one of its articles), asked as the quiz
/// asks them (meaning, reverse and cloze mixed, distractors from the whole library). Random rather than each member's
/// due words: the race is the same for everyone.
/// </summary>
internal sealed class RaceQuestions(QuizBuilder builder, Random random)
{
    /// <summary>Up to <paramref name="rounds"/> questions; fewer when the words do not make that many.</summary>
    public List<QuizQuestion> Build(WordLibrary library, LibraryArticle? article, int rounds)
    {
        ArgumentNullException.ThrowIfNull(library);
        var pool = library.Pool;
        var candidates = article is null ? pool.Words : library.EntriesOf(article.Id);
        // Twice as many words as rounds: a word without enough distractors of its kind is passed over.
        return builder.Build(Draw(candidates, rounds * 2), pool).Take(rounds).ToList();
    }

    /// <summary><paramref name="count"/> different words at random, looking at only as many as it takes.</summary>
    private List<WordEntry> Draw(IReadOnlyList<WordEntry> words, int count)
    {
        var drawn = new List<WordEntry>(count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var tried = new HashSet<int>();
        while (drawn.Count < count && tried.Count < words.Count)
        {
            var index = random.Next(words.Count);
            if (tried.Add(index) && keys.Add(words[index].Key))
                drawn.Add(words[index]);
        }

        return drawn;
    }
}
