using LiteDB;

namespace VocabBot.Content;

/// <summary>An imported article as stored in LiteDB; its id is the file's path inside the content folder.</summary>
public sealed class ArticleDocument
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
}

/// <summary>
/// One vocabulary entry as stored in LiteDB, with its article's title, date and link copied in so a
/// lookup is one read. Per-user state never points at this id: it is keyed by <see cref="Key"/>,
/// the headword, which survives re-imports and edits.
/// </summary>
public sealed class WordDocument
{
    public string Id { get; set; } = "";
    public string ArticleId { get; set; } = "";
    public string Headword { get; set; } = "";
    /// <summary>The headword lower-cased: the stable identity of a word across articles and imports.</summary>
    public string Key { get; set; } = "";
    /// <summary>Every lower-cased form a lookup may use: the headword and the form the article marked.</summary>
    public List<string> Forms { get; set; } = [];
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

    /// <summary>
    /// Reads a stored entry by hand. Vocabulary reads all 40,000 for quizzes after each import: through
    /// the BsonMapper that took 0.33-0.73 s, by hand 0.27-0.38 s (2 loaded cores, docs/PERFORMANCE.md).
    /// A test holds it equal to the mapper for every property.
    /// </summary>
    internal static WordDocument FromBson(BsonDocument document) => FromBson(document, s => s);

    /// <summary>
    /// Reads an entry by hand; <paramref name="share"/> returns one instance for equal strings, so the
    /// 40 entries of an article hold its title, link and date once instead of 40 times, a headword equal
    /// to its key and forms is held once, and so is a sentence that marks several words.
    /// </summary>
    internal static WordDocument FromBson(BsonDocument document, Func<string, string> share) => new()
    {
        Id = document["_id"].AsString ?? "",
        ArticleId = share(document[nameof(ArticleId)].AsString ?? ""),
        Headword = share(document[nameof(Headword)].AsString ?? ""),
        Key = share(document[nameof(Key)].AsString ?? ""),
        Forms = Strings(document[nameof(Forms)], share),
        Ipa = document[nameof(Ipa)].AsString ?? "",
        PartOfSpeech = share(document[nameof(PartOfSpeech)].AsString ?? ""),
        Chinese = Strings(document[nameof(Chinese)], share),
        Example = document[nameof(Example)].AsString ?? "",
        MarkedAs = document[nameof(MarkedAs)].AsString is { } marked ? share(marked) : null,
        Context = document[nameof(Context)].AsString is { } context ? share(context) : null,
        Line = document[nameof(Line)].IsNumber ? document[nameof(Line)].AsInt32 : 0,
        ArticleTitle = share(document[nameof(ArticleTitle)].AsString ?? ""),
        ArticleDate = document[nameof(ArticleDate)].AsString is { } date ? share(date) : null,
        ArticleLink = document[nameof(ArticleLink)].AsString is { } link ? share(link) : null,
    };

    private static List<string> Strings(BsonValue value, Func<string, string> share) =>
        value.IsArray ? value.AsArray.Select(v => share(v.AsString)).ToList() : [];
}
