using Microsoft.Extensions.Logging;
using VocabBot.Content;
using VocabBot.Storage;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Content;

public sealed class ImportLogTests
{
    [Fact]
    public void Import_LogsEachProblemAtItsLevel_ThenOneSummary()
    {
        using var content = TestFiles.FolderWith("seed.md", "no-title.md", "warnings.md");
        using var logs = new CapturedLogs();
        using var factory = new LoggerFactory([logs]);
        using var db = new VocabDatabase(new MemoryStream());
        var importer = new ContentImporter(db, new Vocabulary(db), new ArticleParser(), factory.CreateLogger<ContentImporter>());

        importer.Import(content.Path);

        const string Category = "VocabBot.Content.ContentImporter";
        Assert.Contains(logs.Lines, l => l.StartsWith($"Error {Category}: no-title.md:1: ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith($"Warning {Category}: warnings.md:14: ", StringComparison.Ordinal));
        var summary = Assert.Single(logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal));
        Assert.Contains($"Content imported from {content.Path}: 2 added, 0 updated, 0 unchanged, 0 removed, 1 failed;", summary, StringComparison.Ordinal);
        Assert.Contains("Added=2", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableOfManyBadRows_LogsItsFirstTwentyProblems_ThenHowManyMore()
    {
        using var content = TestFiles.FolderWith("seed.md");
        var rows = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"| word{i} | x | n. | 詞 | e | extra |\n"));
        File.WriteAllText(content.File("bad-rows.md"), $"---\ntitle: Bad rows\n---\n\nText.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n{rows}");
        using var logs = new CapturedLogs();
        using var factory = new LoggerFactory([logs]);
        using var db = new VocabDatabase(new MemoryStream());
        var importer = new ContentImporter(db, new Vocabulary(db), new ArticleParser(), factory.CreateLogger<ContentImporter>());

        var report = importer.Import(content.Path);

        Assert.Equal(1_000, report.Diagnostics.Count);
        var lines = logs.Lines.Where(l => l.Contains("bad-rows.md", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, lines.Count);
        Assert.All(lines.Take(20), l => Assert.Contains("this row has 6 cells", l, StringComparison.Ordinal));
        Assert.StartsWith("Warning VocabBot.Content.ContentImporter: bad-rows.md: and 980 more problem(s) in this file; `check --json` lists them all", lines[20], StringComparison.Ordinal);
    }
}
