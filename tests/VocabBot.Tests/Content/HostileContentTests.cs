using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Tests.Content;

/// <summary>
/// Issue #12 item 4: one hostile file in the content folder ends as an error for that file, and every other
/// article is imported. Each import runs bounded, so a hang fails the test instead of stopping the run.
/// </summary>
public sealed class HostileContentTests : IDisposable
{
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md", "english-headers.md");
    private readonly TempFolder _outside = new();
    private readonly VocabDatabase _db = new(new MemoryStream());

    public void Dispose()
    {
        _db.Dispose();
        _content.Dispose();
        _outside.Dispose();
    }

    private Task<(ImportReport Report, Vocabulary Vocabulary)> ImportAsync(ContentOptions? options = null)
    {
        var vocabulary = new Vocabulary(_db);
        var parser = new ArticleParser(TimeProvider.System, options?.ParseTimeout ?? ContentOptions.DefaultParseTimeout);
        var importer = new ContentImporter(_db, vocabulary, parser, NullLogger<ContentImporter>.Instance, options);
        return HostileFiles.Bounded(() => (importer.Import(_content.Path), vocabulary));
    }

    private static Diagnostic ErrorFor(ImportReport report, string file) =>
        Assert.Single(report.Diagnostics, d => d.File == file && d.Severity == Severity.Error);

    private static void AssertTheOthersImported(ImportReport report, Vocabulary vocabulary)
    {
        Assert.Equal(2, report.Added);
        Assert.Equal(46, vocabulary.WordCount);
    }

    [Fact]
    public async Task DeeplyNestedQuotes_AreAnErrorForThatFile_AndTheOthersImport()
    {
        File.WriteAllText(_content.File("deep.md"), HostileFiles.DeepQuotes);

        var (report, vocabulary) = await ImportAsync();

        AssertTheOthersImported(report, vocabulary);
        Assert.Equal(1, report.Failed);
        Assert.Contains("too deeply nested", ErrorFor(report, "deep.md").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToDevZero_IsRefusedWithoutBeingRead()
    {
        File.CreateSymbolicLink(_content.File("zero.md"), "/dev/zero");

        var (report, vocabulary) = await ImportAsync();

        AssertTheOthersImported(report, vocabulary);
        Assert.Equal("is a link to '/dev/zero', outside the content folder; not read", ErrorFor(report, "zero.md").Message);
    }

    [Fact]
    public async Task APipe_OrALinkToOne_IsRefusedWithoutWaitingForAWriter()
    {
        HostileFiles.Fifo(_content.File("pipe.md"));
        Directory.CreateDirectory(_content.File("inner"));
        HostileFiles.Fifo(_content.File("inner/real-pipe"));
        File.CreateSymbolicLink(_content.File("inner/pipe-link.md"), "real-pipe");

        var (report, vocabulary) = await ImportAsync();

        AssertTheOthersImported(report, vocabulary);
        Assert.Equal("is a named pipe (FIFO), not a regular file; not read", ErrorFor(report, "pipe.md").Message);
        Assert.Equal("is a link to a named pipe (FIFO), not a regular file; not read", ErrorFor(report, "inner/pipe-link.md").Message);
    }

    [Fact]
    public async Task LinkToAnArticleOutsideTheFolder_IsRefused()
    {
        File.Copy(Path.Combine(TestFiles.Articles, "warnings.md"), _outside.File("elsewhere.md"));
        File.CreateSymbolicLink(_content.File("elsewhere.md"), _outside.File("elsewhere.md"));

        var (report, vocabulary) = await ImportAsync();

        AssertTheOthersImported(report, vocabulary);
        Assert.StartsWith("is a link to '", ErrorFor(report, "elsewhere.md").Message, StringComparison.Ordinal);
        Assert.EndsWith("elsewhere.md', outside the content folder; not read", ErrorFor(report, "elsewhere.md").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToAnArticleInsideTheFolder_IsReadUnderItsOwnName()
    {
        Directory.CreateDirectory(_content.File("archive"));
        File.Move(_content.File("english-headers.md"), _content.File("archive/english-headers.md"));
        File.CreateSymbolicLink(_content.File("latest.md"), "archive/english-headers.md");

        var (report, vocabulary) = await ImportAsync();

        Assert.Equal(3, report.Added);
        Assert.Equal(5, vocabulary.InArticle("latest.md").Count());
        Assert.Equal(5, vocabulary.InArticle("archive/english-headers.md").Count());
    }

    [Fact]
    public async Task LinkLoopsAmongSubfolders_AreNotFollowed_AndEachArticleImportsOnce()
    {
        HostileFiles.LinkLoops(_content.Path);
        File.Copy(Path.Combine(TestFiles.Articles, "warnings.md"), _content.File("a/warnings.md"));

        var (report, vocabulary) = await ImportAsync();

        Assert.Equal(3, report.Added);
        Assert.Equal(["a/warnings.md", "english-headers.md", "seed.md"], vocabulary.All().Select(w => w.ArticleId).Distinct().Order(StringComparer.Ordinal));
        Assert.All(["a/to-b", "b/to-a", "a/up"], link => Assert.Contains(report.Diagnostics, d =>
            d.File == link && d.Severity == Severity.Warning && d.Message.StartsWith("is a link to a folder; links to folders are not followed", StringComparison.Ordinal)));
        Assert.Contains("leads nowhere", ErrorFor(report, "ping.md").Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverMaxFileBytes_IsRefused_AndTheOthersImport()
    {
        var big = File.ReadAllText(_content.File("seed.md")) + " ";
        File.WriteAllText(_content.File("big.md"), big);
        var seedBytes = new FileInfo(_content.File("seed.md")).Length;

        var (report, vocabulary) = await ImportAsync(new ContentOptions { MaxFileBytes = (int)seedBytes });

        AssertTheOthersImported(report, vocabulary);
        Assert.Matches(@"^is [\d,]+ bytes more than Content:MaxFileBytes \([\d,]+ bytes\); not read$", ErrorFor(report, "big.md").Message);
    }

    [Fact]
    public async Task AFileThatBecomesHostile_LosesItsWords()
    {
        await ImportAsync();
        File.Delete(_content.File("english-headers.md"));
        File.CreateSymbolicLink(_content.File("english-headers.md"), "/dev/zero");

        var (report, vocabulary) = await ImportAsync();

        Assert.Equal((1, 1), (report.Failed, report.Unchanged));
        Assert.Empty(vocabulary.InArticle("english-headers.md"));
    }

    [Fact]
    public async Task AParsePastTheTimeout_IsAnErrorForThatFile_AndTheOthersImport()
    {
        File.WriteAllText(_content.File("slow.md"), HostileFiles.SlowLinks);

        var (report, vocabulary) = await ImportAsync(new ContentOptions { ParseTimeout = TimeSpan.FromSeconds(2) });

        AssertTheOthersImported(report, vocabulary);
        Assert.Equal("parsing took longer than Content:ParseTimeout (00:00:02); not imported", ErrorFor(report, "slow.md").Message);
    }
}
