using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Cold import and warm restart of the generated corpus, each beside its floor measured in the same
/// run: Markdig parsing the same files plus one LiteDB InsertBulk of the same entries.
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
            Console.WriteLine($"corpus: {articles} articles x 40 words in {content}");
            for (var run = 1; run <= repeats; run++)
            {
                var floor = Floor(content, Path.Combine(root, $"floor{run}.db"));
                var (cold, warm, words) = Import(content, Path.Combine(root, $"import{run}.db"));
                Console.WriteLine($"run {run}: words {words}; floor {floor.TotalMilliseconds:F0} ms; cold import {cold.TotalMilliseconds:F0} ms ({cold / floor:F2}x floor); warm restart {warm.TotalMilliseconds:F0} ms");
            }

            Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MB");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static (TimeSpan Cold, TimeSpan Warm, int Words) Import(string content, string dbPath)
    {
        var watch = Stopwatch.StartNew();
        using (var db = new VocabDatabase(dbPath))
        {
            var vocabulary = new Vocabulary(db);
            new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance).Import(content);
        }

        var cold = watch.Elapsed;
        watch.Restart();
        int words;
        using (var db = new VocabDatabase(dbPath))
        {
            var vocabulary = new Vocabulary(db);
            new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance).Import(content);
            words = vocabulary.WordCount;
        }

        return (cold, watch.Elapsed, words);
    }

    private static TimeSpan Floor(string content, string dbPath)
    {
        var watch = Stopwatch.StartNew();
        var parser = new ArticleParser();
        var documents = new List<BsonDocument>();
        foreach (var file in ContentImporter.ArticleFiles(content))
        {
            var article = parser.Parse(file, File.ReadAllBytes(Path.Combine(content, file))).Article!;
            foreach (var word in article.Words)
            {
                documents.Add(new BsonDocument
                {
                    ["_id"] = file + "#" + word.Headword,
                    ["Headword"] = word.Headword,
                    ["Ipa"] = word.Ipa,
                    ["Example"] = word.Example,
                    ["Context"] = word.Context,
                });
            }
        }

        using var db = new LiteDatabase(dbPath);
        db.GetCollection("words").InsertBulk(documents);
        return watch.Elapsed;
    }
}
