using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Storage;
using Xunit.Abstractions;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// Mutated articles through the parser (what `check` runs) and the importer: no exception escapes and
/// every diagnostic names a file and a line. VOCABBOT_LONG=1 runs ten times as many.
/// </summary>
public sealed class ArticleFuzzTests(ITestOutputHelper output)
{
    private static readonly int Count = Environment.GetEnvironmentVariable("VOCABBOT_LONG") == "1" ? 100_000 : 10_000;

    private static readonly string[] Inserts =
        ["|", "`", "---\n", ":::summary\n", ":::\n", "| 單字 | 音標 |\n", "\n\n", "修正：\n", "\uFFFD", "title:", "| | | | | |\n", "\0"];

    [Fact]
    public void MutatedArticles_NeverThrow_AndEveryDiagnosticHasFileAndLine()
    {
        var parser = new ArticleParser();
        var seeds = new[] { TestFiles.Article("seed.md"), TestFiles.Article("english-headers.md"), TestFiles.Article("warnings.md") };
        var random = new Random(2026);
        int errors = 0, diagnostics = 0;

        for (var i = 0; i < Count; i++)
        {
            var file = $"fuzz{i}.md";
            var result = parser.Parse(file, Mutate(seeds[i % seeds.Length], random));
            Assert.All(result.Diagnostics, d => Assert.True(d.File == file && d.Line >= 1, d.ToString()));
            diagnostics += result.Diagnostics.Count;
            if (result.Article is null)
            {
                errors++;
                Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
            }
        }

        Assert.InRange(errors, 1, Count - 1);
        output.WriteLine($"parser: {Count} mutated articles, 0 exceptions, {errors} rejected with an error, {diagnostics} diagnostics, all with file and line");
    }

    [Fact]
    public void MutatedArticles_ThroughTheImporter_LoadWhatIsValid()
    {
        using var content = new TempFolder();
        using var db = new VocabDatabase(new MemoryStream());
        var vocabulary = new Vocabulary(db);
        var importer = new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance);
        var seed = TestFiles.Article("seed.md");
        var random = new Random(7);
        int imported = 0, failed = 0, diagnostics = 0;

        for (var batch = 0; batch < Count / 500; batch++)
        {
            foreach (var old in Directory.GetFiles(content.Path))
                File.Delete(old);
            for (var i = 0; i < 500; i++)
                File.WriteAllBytes(content.File($"b{batch}-{i}.md"), Mutate(seed, random));
            var report = importer.Import(content.Path);
            Assert.Equal(500, report.Added + report.Failed);
            Assert.All(report.Diagnostics, d => Assert.True(d.Line >= 1 && d.File.StartsWith($"b{batch}-", StringComparison.Ordinal), d.ToString()));
            Assert.Equal(report.Added, vocabulary.ArticleCount);
            imported += report.Added;
            failed += report.Failed;
            diagnostics += report.Diagnostics.Count;
        }

        Assert.True(imported > 0);
        output.WriteLine($"importer: {Count} mutated files in {Count / 500} folders of 500, 0 exceptions, {imported} imported, {failed} failed, {diagnostics} diagnostics, all with file and line");
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Inserts[random.Next(Inserts.Length)]));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 300), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes.Insert(at, (byte)"`|\n:-"[random.Next(5)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
