using VocabBot.Content;

namespace VocabBot.Learning.Quiz;

/// <summary>The form a cloze sentence uses of its word: as listed, or with -s, -ed or -ing.</summary>
internal enum WordForm { Base, S, Ed, Ing }

/// <summary>
/// Puts a cloze's options in the form its sentence needs ("strengthens": gains, hits, loosens), by the regular
/// English rules the parser's <see cref="Inflections"/> undo. Where a word's form cannot be told safely (an irregular
/// verb, a consonant that may or may not double, a word ending in -o) it gives null, and the quiz picks another.
/// </summary>
internal static class WordForms
{
    // Verbs whose past is not -ed and that Inflections' table does not list because their forms do not change.
    private static readonly HashSet<string> SamePast = new(StringComparer.Ordinal)
    {
        "hit", "cut", "put", "set", "let", "shut", "cost", "hurt", "quit", "spread", "bet", "burst", "cast", "split", "upset", "broadcast", "forecast", "read",
    };

    // Longer verbs whose last consonant doubles (stress on the last syllable); other longer verbs do not double.
    private static readonly HashSet<string> Doubling = new(StringComparer.Ordinal)
    {
        "admit", "commit", "omit", "permit", "submit", "transmit", "prefer", "refer", "defer", "confer", "occur", "incur",
        "recur", "deter", "control", "patrol", "compel", "expel", "propel", "regret", "equip", "forbid", "begin", "upset",
    };

    /// <summary>Which form <paramref name="used"/> (the words the sentence has) is of <paramref name="headword"/>; null when none of these.</summary>
    public static WordForm? FormOf(string headword, string used)
    {
        var head = Inflections.Tokens(headword);
        var words = Inflections.Tokens(used);
        if (head.Length == 0 || words.Length != head.Length || !head.Skip(1).SequenceEqual(words.Skip(1)))
            return null;
        foreach (var form in Enum.GetValues<WordForm>())
        {
            if (Inflect(head[0], form) == words[0])
                return form;
        }

        return null;
    }

    /// <summary>The word (a phrase: its first word) in <paramref name="form"/>; null when that is not safe to say.</summary>
    public static string? Inflect(string headword, WordForm form)
    {
        ArgumentNullException.ThrowIfNull(headword);
        var space = headword.IndexOf(' ', StringComparison.Ordinal);
        var (first, rest) = space < 0 ? (headword, "") : (headword[..space], headword[space..]);
        var inflected = form == WordForm.Base ? first : InflectWord(first.ToLowerInvariant(), form);
        return inflected is null ? null : inflected + rest;
    }

    private static string? InflectWord(string w, WordForm form)
    {
        if (w.Length < 2 || !w.All(char.IsAsciiLetterLower))
            return null;
        return form switch
        {
            WordForm.S => w is "be" or "have" ? null : S(w),
            WordForm.Ed => IsIrregular(w) ? null : w.EndsWith('e') ? w + "d" : ConsonantY(w) ? w[..^1] + "ied" : Doubled(w) is { } d ? d + "ed" : null,
            _ => w.EndsWith("ie", StringComparison.Ordinal) ? w[..^2] + "ying"
                : w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal) && !w.EndsWith("ye", StringComparison.Ordinal) && !w.EndsWith("oe", StringComparison.Ordinal) ? w[..^1] + "ing"
                : Doubled(w) is { } stem ? stem + "ing" : null,
        };
    }

    private static string? S(string w) =>
        w.EndsWith('o') ? null
        : w.EndsWith('s') || w.EndsWith('x') || w.EndsWith('z') || w.EndsWith("ch", StringComparison.Ordinal) || w.EndsWith("sh", StringComparison.Ordinal) ? w + "es"
        : ConsonantY(w) ? w[..^1] + "ies"
        : w + "s";

    // The stem before -ed or -ing: "stop" -> "stopp", "loosen" -> "loosen", "visit" -> "visit"; null when unsure.
    private static string? Doubled(string w)
    {
        if (!EndsConsonantVowelConsonant(w))
            return w;
        if (Syllables(w) == 1 || Doubling.Contains(w))
            return w + w[^1];
        // Longer words ending in an unstressed syllable do not double (loosen, visit, open, offer); a few common
        // exceptions are listed above, and any other is left as it is.
        return w;
    }

    private static bool EndsConsonantVowelConsonant(string w) =>
        w.Length >= 3 && !IsVowel(w[^1]) && "wxy".IndexOf(w[^1], StringComparison.Ordinal) < 0 && IsVowel(w[^2]) && !IsVowel(w[^3]);

    private static int Syllables(string w)
    {
        var count = 0;
        for (var i = 0; i < w.Length; i++)
        {
            if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1])))
                count++;
        }

        return count;
    }

    private static bool ConsonantY(string w) => w.EndsWith('y') && !IsVowel(w[^2]);

    private static bool IsVowel(char c) => "aeiou".IndexOf(c, StringComparison.Ordinal) >= 0;

    private static bool IsIrregular(string w) => SamePast.Contains(w) || Inflections.IsIrregularBase(w);
}
