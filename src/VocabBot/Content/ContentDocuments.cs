using LiteDB;

namespace VocabBot.Content;

/// <summary>An imported article as stored in LiteDB; its id is the file's path inside the content folder.</summary>
internal sealed class ArticleDocument
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Date { get; set; }
    public string? Link { get; set; }
    public Dictionary<string, string> Tags { get; set; } = [];
    public string? Summary { get; set; }
    public string? CorrectedSummary { get; set; }
    public int WordCount { get; set; }

    /// <summary>
    /// Each form the article marked that is not its row's key, with that key ("scale" for the row
    /// "Scaling"), so /define finds a word by the form the article used. Kept here, a few per article,
    /// rather than in an index over every entry, which was a third of a cold import's insert time.
    /// </summary>
    public List<MarkedForm> MarkedForms { get; set; } = [];
}

/// <summary>A marked form (lower-cased) and the key of the vocabulary row it was linked to.</summary>
internal sealed class MarkedForm
{
    public string Form { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>
/// One vocabulary entry as stored in LiteDB, with its article's title, date and link copied in so a
/// lookup is one read. Per-user state never points at this id: it is keyed by <see cref="Key"/>,
/// the headword, which survives re-imports and edits.
/// </summary>
internal sealed class WordDocument
{
    public string Id { get; set; } = "";
    public string ArticleId { get; set; } = "";
    public string Headword { get; set; } = "";
    /// <summary>The headword lower-cased: the stable identity of a word across articles and imports.</summary>
    public string Key { get; set; } = "";
    public string Ipa { get; set; } = "";
    public string PartOfSpeech { get; set; } = "";
    public List<string> Chinese { get; set; } = [];
    public string Example { get; set; } = "";
    public string? MarkedAs { get; set; }
    public string? Context { get; set; }
    public int Line { get; set; }
    public string ArticleTitle { get; set; } = "";
    public string? ArticleDate { get; set; }
    public string? ArticleLink { get; set; }
}

/// <summary>
/// The part of a stored entry that quizzes use, held in memory for every word. A whole
/// <see cref="WordDocument"/> for each of 40,000 words held 29 MB (docs/PERFORMANCE.md, "Memory").
/// </summary>
internal sealed record WordEntry(string Key, string Headword, string PartOfSpeech, IReadOnlyList<string> Chinese, string Example, string ArticleId)
{
    public static WordEntry Of(WordDocument word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return new(word.Key, word.Headword, word.PartOfSpeech, word.Chinese.ToArray(), word.Example, word.ArticleId);
    }

    /// <summary>
    /// Reads an entry from a stored document by hand, which was faster than the BsonMapper for 40,000;
    /// <paramref name="share"/> returns one instance for equal strings, so a headword equal to its key,
    /// an article id and a part of speech are each held once.
    /// </summary>
    internal static WordEntry FromBson(BsonDocument document, Func<string, string> share)
    {
        var chinese = document[nameof(WordDocument.Chinese)];
        return new(
            share(Text(document, nameof(WordDocument.Key))),
            share(Text(document, nameof(WordDocument.Headword))),
            share(Text(document, nameof(WordDocument.PartOfSpeech))),
            chinese.IsArray ? chinese.AsArray.Select(v => share(v.AsString ?? "")).ToArray() : [],
            Text(document, nameof(WordDocument.Example)),
            share(Text(document, nameof(WordDocument.ArticleId))));
    }

    private static string Text(BsonDocument document, string name) => document[name].AsString ?? "";
}
