using VocabBot.Chat;
using System.Diagnostics;
using LiteDB;
using VocabBot.Content;
using VocabBot.Learning.Define;
using VocabBot.Library;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// p50/p99/max of the /define and autocomplete handlers at 40,000 words, beside a raw LiteDB
/// FindOne on the indexed Key, from a plain loop of timed calls with the latencies sorted.
/// </summary>
public static class LatencyBenchmark
{
    public static void Run(int calls, int repeats)
    {
        using var corpus = new ImportedCorpus();
        var index = new HeadwordIndex(corpus.Vocabulary);
        var define = new DefineCommand(corpus.Libraries(), Texts.Learning);
        var typed = corpus.Database.Collection<WordDocument>(Vocabulary.WordsCollection);
        var raw = corpus.Database.Database.GetCollection(Vocabulary.WordsCollection);
        var terms = corpus.DefineTerms(calls);
        var keys = corpus.Headwords.Take(calls).ToArray();
        var prefixes = corpus.Prefixes(calls);
        Console.WriteLine($"words: {corpus.Vocabulary.WordCount}; {calls} calls per row; latencies in µs");
        for (var run = 1; run <= repeats; run++)
        {
            Report(run, "DefineCommand.Handle", terms, t => define.Handle(null, t).Card is not null);
            Report(run, "HeadwordIndex.Complete", prefixes, p => index.Complete(p).Count > 0);
            Report(run, "LiteDB FindOne(Key) typed", keys, k => typed.FindOne(Query.EQ("Key", k)) is not null);
            Report(run, "LiteDB FindOne(Key) BSON", keys, k => raw.FindOne(Query.EQ("Key", k)) is not null);
        }
    }

    private static void Report(int run, string name, string[] inputs, Func<string, bool> call)
    {
        // A short untimed pass first, so the JIT and LiteDB's page cache are not in the figures.
        foreach (var input in inputs.Take(2000))
            call(input);
        var latencies = new double[inputs.Length];
        var misses = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < inputs.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (!call(inputs[i]))
                misses++;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"run {run}: {name,-27} p50 {Percentile.Of(latencies, 0.50),7:F1}  p99 {Percentile.Of(latencies, 0.99),7:F1}  max {latencies[^1],8:F0}  " +
            $"({inputs.Length / total.Elapsed.TotalSeconds:F0}/s{(misses > 0 ? $", {misses} found nothing" : "")})");
    }
}
