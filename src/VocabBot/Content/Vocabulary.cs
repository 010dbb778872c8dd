using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Content;

/// <summary>Read access to the imported words: lookups through inflections, and a sorted headword list.</summary>
internal sealed class Vocabulary
{
    internal const string ArticlesCollection = "articles";
    internal const string WordsCollection = "words";

    private readonly VocabDatabase _database;
    private volatile string[] _headwords = [];
    private volatile Lazy<WordEntry[]> _entries = new([]);
    private volatile Dictionary<string, string[]> _keysByMarkedForm = [];

    public Vocabulary(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _words.EnsureIndex(w => w.Key);
        UpgradeOlderDatabase();
        Refresh();
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<WordDocument> _words => _database.Collection<WordDocument>(WordsCollection);

    private ILiteCollection<BsonDocument> _wordsRaw => _database.Database.GetCollection(WordsCollection);

    private ILiteCollection<ArticleDocument> _articles => _database.Collection<ArticleDocument>(ArticlesCollection);

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

    /// <summary>Raised after each <see cref="Refresh"/>, once the new lists are in place, so what is built from the entries can be built again off the request path.</summary>
    public event Action? Refreshed;

    /// <summary>Every entry (one per article) for a term as typed: any case, inflected, or a phrase.</summary>
    public IReadOnlyList<WordDocument> Find(string term)
    {
        foreach (var key in Inflections.CandidateKeys(term))
        {
            var byKey = _words.Find(w => w.Key == key).ToList();
            if (byKey.Count > 0)
                return byKey;
        }

        var keysByMarkedForm = _keysByMarkedForm;
        foreach (var form in Inflections.CandidateKeys(term))
        {
            if (!keysByMarkedForm.TryGetValue(form, out var keys))
                continue;
            var byForm = keys.SelectMany(ByKey).ToList();
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
    // entries left 32 MB of cache behind (docs/PERFORMANCE.md, "Memory"). Each document is turned into
    // its entry as it is read, not gathered into a list first: a batch held whole outlived the young
    // collections, and the 40,000 documents' garbage raised the app's peak memory by about 25 MB.
    private WordEntry[] ReadEntries()
    {
        const int batch = 2000;
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string Share(string text) => shared.TryGetValue(text, out var one) ? one : shared[text] = text;
        var entries = new List<WordEntry>();
        var after = BsonValue.MinValue;
        while (true)
        {
            var read = 0;
            foreach (var document in _wordsRaw.Find(Query.GT("_id", after), skip: 0, limit: batch))
            {
                entries.Add(WordEntry.FromBson(document, Share));
                after = document["_id"];
                read++;
            }

            if (read < batch)
                return [.. entries];
        }
    }

    /// <summary>
    /// A database written by an earlier version: drop the indexes it kept (entries are now found by id
    /// range and marked forms through the articles) and forget its articles' hashes, so the next import
    /// writes every article again with its marked forms.
    /// </summary>
    private void UpgradeOlderDatabase()
    {
        _words.DropIndex(nameof(WordDocument.ArticleId));
        if (!_words.DropIndex("Forms"))
            return;
        foreach (var article in _articles.FindAll().ToList())
        {
            article.Hash = "";
            _articles.Update(article);
        }
    }

    /// <summary>Rebuilds the headword list and marked forms now and the entries at their next use; the importer calls it after every change.</summary>
    public void Refresh()
    {
        // Only the keys: a fifth of the time of reading whole entries, which a restart would wait for.
        _headwords = _words.Query().Select(w => w.Key).ToEnumerable()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        _keysByMarkedForm = _articles.FindAll()
            .SelectMany(article => article.MarkedForms)
            .Select(form => (form.Form, form.Key))
            .GroupBy(f => f.Form, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        _entries = new Lazy<WordEntry[]>(ReadEntries);
        Refreshed?.Invoke();
    }
}
