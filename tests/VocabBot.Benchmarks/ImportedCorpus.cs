using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Library;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

/// <summary>The generated corpus imported once into a LiteDB file in a temp folder, deleted on dispose.</summary>
internal sealed class ImportedCorpus : IDisposable
{
    private readonly string _root;

    public ImportedCorpus(int articles = 1000)
    {
        _root = Directory.CreateTempSubdirectory("vocabbot-corpus-").FullName;
        Corpus.Write(ContentFolder, articles);
        Database = new VocabDatabase(Path.Combine(_root, "vocabbot.db"));
        Vocabulary = new Vocabulary(Database);
        new ContentImporter(Database, Vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance).Import(ContentFolder);
        Headwords = Corpus.Headwords(articles * Corpus.WordsPerArticle);
    }

    public string ContentFolder => Path.Combine(_root, "content");

    public VocabDatabase Database { get; }

    public Vocabulary Vocabulary { get; }

    public IReadOnlyList<string> Headwords { get; }

    /// <summary>The libraries over this corpus as the shipped articles, with server articles in the same database.</summary>
    public ServerLibraries Libraries(LibraryOptions? options = null) => Libraries(new LiteDbLibraryStore(Database), options);

    public ServerLibraries Libraries(ILibraryStore store, LibraryOptions? options = null) =>
        new(store, new ShippedWords(Vocabulary, new HeadwordIndex(Vocabulary), new QuizPools(Vocabulary, NullLogger<QuizPools>.Instance)),
            Microsoft.Extensions.Options.Options.Create(options ?? new LibraryOptions()));

    /// <summary>What users type into /define: mostly headwords, every fifth an inflected form ("…ments").</summary>
    public string[] DefineTerms(int count, int seed = 7)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Headwords[random.Next(Headwords.Count)] + (i % 5 == 4 ? "s" : ""))];
    }

    /// <summary>What users have typed so far when autocomplete asks: a prefix of 1 to 6 characters of a headword.</summary>
    public string[] Prefixes(int count, int seed = 11)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Headwords[random.Next(Headwords.Count)]).Select(w => w[..Math.Min(w.Length, 1 + random.Next(6))])];
    }

    public void Dispose()
    {
        Database.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
