namespace VocabBot.Content;

/// <summary>
/// The sentences of one paragraph of plain English text. Their ends are found once, so each mark's
/// sentence is a binary search away: searching from the paragraph's start for every mark made a paragraph
/// of many marks cost the square of its length.
/// </summary>
internal sealed class Sentences(string text)
{
    /// <summary>A longer sentence is cut to about this many characters around the mark, so one file cannot make every word's context a megabyte.</summary>
    private const int MaxLength = 500;

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no",
    };

    private const string Closers = "\"'”’)]";

    private List<int>? _ends;

    /// <summary>The sentence that holds the character at <paramref name="position"/>, with its spaces collapsed.</summary>
    public string Around(int position)
    {
        _ends ??= Ends(text);
        var (low, high) = (0, _ends.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_ends[middle] > position)
                high = middle;
            else
                low = middle + 1;
        }

        var start = low == 0 ? 0 : _ends[low - 1];
        var end = low < _ends.Count ? _ends[low] : text.Length;
        return end - start <= MaxLength ? Clean(text[start..end]) : Excerpt(start, end, position);
    }

    /// <summary>Every sentence of the text in order, with its spaces collapsed; line breaks are spaces.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        foreach (var end in Ends(text).Append(text.Length))
        {
            if (Clean(text[start..end]) is { Length: > 0 } sentence)
                sentences.Add(sentence);
            start = end;
        }

        return sentences;
    }

    private string Excerpt(int start, int end, int position)
    {
        var from = Math.Clamp(position - (MaxLength / 2), start, end - MaxLength);
        var to = from + MaxLength;
        // Cut between words where one is near.
        var space = text.IndexOf(' ', from, Math.Min(40, to - from));
        if (from > start && space >= 0)
            from = space + 1;
        space = text.LastIndexOf(' ', to - 1, Math.Min(40, to - from));
        if (to < end && space >= 0)
            to = space;
        return (from > start ? "… " : "") + Clean(text[from..to]) + (to < end ? " …" : "");
    }

    private static List<int> Ends(string text)
    {
        var ends = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            var end = EndOfSentenceAt(text, i);
            if (end >= 0)
                ends.Add(end);
        }

        return ends;
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
