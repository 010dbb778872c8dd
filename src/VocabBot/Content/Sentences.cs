namespace VocabBot.Content;

/// <summary>Finds the sentence around a position in plain English text.</summary>
internal static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no",
    };

    private const string Closers = "\"'”’)]";

    public static string Around(string text, int position)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = EndOfSentenceAt(text, i);
            if (end < 0)
                continue;
            if (position < end)
                return Clean(text[start..end]);
            start = end;
        }

        return Clean(text[start..]);
    }

    // The index just past a sentence that ends at text[i], or -1 when none ends there.
    private static int EndOfSentenceAt(string text, int i)
    {
        var c = text[i];
        if (c is '。' or '！' or '？')
            return i + 1;
        if (c is not ('.' or '!' or '?'))
            return -1;
        var end = i + 1;
        while (end < text.Length && Closers.Contains(text[end]))
            end++;
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            return -1;
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
            next++;
        if (next < text.Length && !(char.IsUpper(text[next]) || char.IsDigit(text[next]) || "\"“'‘(".Contains(text[next])))
            return -1;
        if (c == '.' && IsAbbreviation(text, i))
            return -1;
        return end;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
            start--;
        var word = text[start..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }

    private static string Clean(string sentence) =>
        string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
