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
    internal static WordDocument FromBson(BsonDocument document) => new()
    {
        Id = document["_id"].AsString ?? "",
        ArticleId = document[nameof(ArticleId)].AsString ?? "",
        Headword = document[nameof(Headword)].AsString ?? "",
        Key = document[nameof(Key)].AsString ?? "",
        Forms = Strings(document[nameof(Forms)]),
        Ipa = document[nameof(Ipa)].AsString ?? "",
        PartOfSpeech = document[nameof(PartOfSpeech)].AsString ?? "",
        Chinese = Strings(document[nameof(Chinese)]),
        Example = document[nameof(Example)].AsString ?? "",
        MarkedAs = document[nameof(MarkedAs)].AsString,
        Context = document[nameof(Context)].AsString,
        Line = document[nameof(Line)].IsNumber ? document[nameof(Line)].AsInt32 : 0,
        ArticleTitle = document[nameof(ArticleTitle)].AsString ?? "",
        ArticleDate = document[nameof(ArticleDate)].AsString,
        ArticleLink = document[nameof(ArticleLink)].AsString,
    };

    private static List<string> Strings(BsonValue value) =>
        value.IsArray ? value.AsArray.Select(v => v.AsString).ToList() : [];
}
