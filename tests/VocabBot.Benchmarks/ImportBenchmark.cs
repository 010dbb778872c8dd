using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Cold import and warm restart of the generated corpus, each beside its floor measured in the same
/// run: Markdig parsing the same files plus one LiteDB InsertBulk of the same WordDocuments (the
/// importer's own mapping, into a database with the same mapper and the same indexes).
/// </summary>
public static class ImportBenchmark
{
    public static void Run(int articles, int repeats)
    {
        var root = Directory.CreateTempSubdirectory("vocabbot-bench-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            Corpus.Write(content, articles);
            Console.WriteLine($"corpus: {articles} articles x {Corpus.WordsPerArticle} words in {content}");

            // One unreported pass first: a pass over 50 articles left the parser still in tier-0 code
            // (run 1's parse took 2.2 s, later ones 0.5 s), which made the floor look slow.
            Floor(content, Path.Combine(root, "warm-up-floor.db"));
            Import(content, Path.Combine(root, "warm-up-import.db"));
            for (var run = 1; run <= repeats; run++)
            {
                var floor = Floor(content, Path.Combine(root, $"floor{run}.db"));
                var import = Import(content, Path.Combine(root, $"import{run}.db"));
                Console.WriteLine($"run {run}: words {import.Words}; floor {Ms(floor.Total)} (parse {Ms(floor.Parse)}, InsertBulk {Ms(floor.Insert)}); " +
                    $"cold import {Ms(import.Cold)} ({import.Cold / floor.Total:F2}x floor; of it Vocabulary.Refresh {Ms(import.Refresh)}); warm restart {Ms(import.Warm)}");
                File.Delete(Path.Combine(root, $"floor{run}.db"));
                File.Delete(Path.Combine(root, $"import{run}.db"));
            }

            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB (this process also held the floor's documents)");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:F0} ms";

    private static (TimeSpan Cold, TimeSpan Warm, TimeSpan Refresh, int Words) Import(string content, string dbPath)
    {
        var watch = Stopwatch.StartNew();
        TimeSpan refresh;
        using (var db = new VocabDatabase(dbPath))
        {
            var vocabulary = new Vocabulary(db);
            new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance).Import(content);
            var cold = watch.Elapsed;
            vocabulary.Refresh();
            refresh = watch.Elapsed - cold;
        }

        var coldTotal = watch.Elapsed - refresh;
        watch.Restart();
        int words;
        using (var db = new VocabDatabase(dbPath))
        {
            var vocabulary = new Vocabulary(db);
            new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance).Import(content);
            words = vocabulary.WordCount;
        }

        return (coldTotal, watch.Elapsed, refresh, words);
    }

    private static (TimeSpan Total, TimeSpan Parse, TimeSpan Insert) Floor(string content, string dbPath)
    {
        var watch = Stopwatch.StartNew();
        var parser = new ArticleParser();
        var documents = new List<WordDocument>();
        foreach (var file in ContentImporter.ArticleFiles(content))
        {
            var article = parser.Parse(file, File.ReadAllBytes(Path.Combine(content, file))).Article!;
            var articleDocument = ContentImporter.ToDocument(article, hash: "");
            documents.AddRange(article.Words.Select(w => ContentImporter.ToDocument(articleDocument, w)));
        }

        var parse = watch.Elapsed;
        using (var db = new VocabDatabase(dbPath))
        {
            // The same indexes Vocabulary keeps: a floor without them would not do the same work.
            var words = db.Collection<WordDocument>(Vocabulary.WordsCollection);
            words.EnsureIndex(w => w.Key);
            words.InsertBulk(documents);
        }

        return (watch.Elapsed, parse, watch.Elapsed - parse);
    }
}
