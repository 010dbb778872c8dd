using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using LiteDB;
using VocabBot.Content;
using VocabBot.Learning.Define;
using VocabBot.Library;

namespace VocabBot.Benchmarks;

/// <summary>
/// BenchmarkDotNet means and percentiles of one lookup at 40,000 words. Each invocation cycles to the
/// next input, so the figures are over many words; the plain `latency` mode gives per-call p99.
/// </summary>
[Config(typeof(ShortConfig))]
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private ImportedCorpus _corpus = null!;
    private DefineCommand _define = null!;
    private HeadwordIndex _index = null!;
    private ILiteCollection<WordDocument> _words = null!;
    private string[] _terms = [];
    private string[] _prefixes = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = new ImportedCorpus();
        _index = new HeadwordIndex(_corpus.Vocabulary);
        _define = new DefineCommand(_corpus.Libraries(), Texts.Learning);
        _words = _corpus.Database.Collection<WordDocument>(Vocabulary.WordsCollection);
        _terms = _corpus.DefineTerms(4096);
        _prefixes = _corpus.Prefixes(4096);
    }

    [GlobalCleanup]
    public void Cleanup() => _corpus.Dispose();

    [Benchmark]
    public object Define() => _define.Handle(null, _terms[_next++ & 4095]);

    [Benchmark]
    public object Autocomplete() => _index.Complete(_prefixes[_next++ & 4095]);

    [Benchmark(Baseline = true)]
    public object FindOneByKey() => _words.FindOne(Query.EQ("Key", _corpus.Headwords[_next++ & 4095]));

    private sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
