using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Content;

/// <summary>Read access to the imported words: lookups through inflections, and a sorted headword list.</summary>
public sealed class Vocabulary
{
    internal const string ArticlesCollection = "articles";
    internal const string WordsCollection = "words";

    private readonly ILiteCollection<WordDocument> _words;
    private readonly ILiteCollection<BsonDocument> _wordsRaw;
    private readonly ILiteCollection<ArticleDocument> _articles;
    private volatile string[] _headwords = [];
    private volatile Lazy<WordEntry[]> _entries = new([]);

    public Vocabulary(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _words = database.Collection<WordDocument>(WordsCollection);
        _wordsRaw = database.Database.GetCollection(WordsCollection);
        _articles = database.Collection<ArticleDocument>(ArticlesCollection);
        _words.EnsureIndex(w => w.Key);
        _words.EnsureIndex("Forms", "$.Forms[*]");
        // An article's entries are found by their ids ("article#key") instead: keeping this index
        // up to date was an eighth of a cold import (docs/PERFORMANCE.md). Dropped where it exists.
        _words.DropIndex(nameof(WordDocument.ArticleId));
        Refresh();
    }

    /// <summary>Distinct headword keys, sorted ordinally; replaced as a whole after each import.</summary>
    public IReadOnlyList<string> Headwords => _headwords;

    public int WordCount => _headwords.Length;

    /// <summary>
    /// Every entry as of the last import, in the slim form quizzes use, held in memory so a quiz need
    /// not read 40,000 documents (about 0.3 s) to pick distractors; read at the first use after each
    /// import, so a restart need not wait for them before /define and autocomplete can answer. Read-only.
    /// </summary>
    public IReadOnlyList<WordEntry> Entries => _entries.Value;

    public int ArticleCount => _articles.Count();

    /// <summary>Every entry (one per article) for a term as typed: any case, inflected, or a phrase.</summary>
    public IReadOnlyList<WordDocument> Find(string term)
    {
        foreach (var key in Inflections.CandidateKeys(term))
        {
            var byKey = _words.Find(w => w.Key == key).ToList();
            if (byKey.Count > 0)
                return byKey;
        }

        foreach (var key in Inflections.CandidateKeys(term))
        {
            // "ANY": a plain equality on an array path throws once the array holds more than one form.
            var byForm = _words.Find(BsonExpression.Create("$.Forms[*] ANY = @0", new BsonValue(key))).ToList();
            if (byForm.Count > 0)
                return byForm;
        }

        return [];
    }

    /// <summary>Entries of one headword key, one per article that has it.</summary>
    public IReadOnlyList<WordDocument> ByKey(string key) => _words.Find(w => w.Key == key).ToList();

    public IEnumerable<WordDocument> All() => _words.FindAll();

    public IEnumerable<WordDocument> InArticle(string articleId) => _words.Find(InArticleQuery(articleId));

    /// <summary>
    /// The entries of one article: their ids are "article#key", so a range of the primary key finds
    /// them; the ArticleId test keeps out an article whose own name begins with "article#".
    /// </summary>
    internal static BsonExpression InArticleQuery(string articleId) =>
        Query.And(Query.Between("_id", articleId + "#", articleId + "$"), Query.EQ(nameof(WordDocument.ArticleId), articleId));

    public IEnumerable<ArticleDocument> Articles() => _articles.FindAll();

    // In batches of 2,000 by id, not one query over the whole collection: LiteDB keeps every page a
    // query has read until the query ends, and never gives its page cache back, so one scan of 40,000
    // entries left 32 MB of cache behind; in batches it stays near 11 MB (docs/PERFORMANCE.md).
    private WordEntry[] ReadEntries()
    {
        const int batch = 2000;
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string text) => shared.TryGetValue(text, out var one) ? one : shared[text] = text;
        var entries = new List<WordEntry>();
        var after = BsonValue.MinValue;
        while (true)
        {
            var documents = _wordsRaw.Find(Query.GT("_id", after), skip: 0, limit: batch).ToList();
            entries.AddRange(documents.Select(document => WordEntry.FromBson(document, Share)));
            if (documents.Count < batch)
                return [.. entries];
            after = documents[^1]["_id"];
        }
    }

    /// <summary>Rebuilds the headword list now and the entries at their next use; the importer calls it after every change.</summary>
    public void Refresh()
    {
        // Only the keys: a fifth of the time of reading whole entries, which a restart would wait for.
        _headwords = _words.Query().Select(w => w.Key).ToEnumerable()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        _entries = new Lazy<WordEntry[]>(ReadEntries);
    }
}
