using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using VocabBot.Content;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Content;

public sealed class CheckCommandTests
{
    private static (int Code, string Output, string Error) Check(params string[] args) => CheckWith([], args);

    private static (int Code, string Output, string Error) CheckWith(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = TestFiles.Articles };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CheckCommand.Run(configuration, environment, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Check_CleanFolder_ExitsZeroWithSummary()
    {
        using var folder = TestFiles.FolderWith("seed.md");

        var (code, output, _) = Check(folder.Path);

        Assert.Equal(0, code);
        Assert.StartsWith("1 article(s), 41 word(s), 0 error(s), 0 warning(s)", output);
    }

    [Fact]
    public void Check_FolderWithErrors_ExitsOneAndListsFileAndLine()
    {
        var (code, output, _) = Check(TestFiles.Articles);

        Assert.Equal(1, code);
        Assert.Contains("no-table.md:1: error: no vocabulary table", output);
        Assert.Contains("warnings.md:14: warning: this row has 6 cells", output);
    }

    [Fact]
    public void Check_OneFile_ChecksOnlyThatFile()
    {
        using var folder = TestFiles.FolderWith("seed.md", "no-title.md");

        var (code, output, _) = Check(folder.File("seed.md"));

        Assert.Equal(0, code);
        Assert.Equal("1 article(s), 41 word(s), 0 error(s), 0 warning(s)", output.TrimEnd());
    }

    [Fact]
    public void Check_OneFileWithErrors_ExitsOneAndListsFileAndLine()
    {
        using var folder = TestFiles.FolderWith("seed.md", "no-title.md");

        var (code, output, _) = Check(folder.File("no-title.md"), "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Empty(json.RootElement.GetProperty("articles").EnumerateArray());
        var error = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("no-title.md", error.GetProperty("file").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public void CheckJson_OneFile_HasTheShapeOfAFolder()
    {
        using var folder = TestFiles.FolderWith("seed.md");

        var (_, ofFolder, _) = Check(folder.Path, "--json");
        var (code, ofFile, _) = Check(folder.File("seed.md"), "--json");

        Assert.Equal(0, code);
        Assert.Equal(ofFolder, ofFile);
    }

    [Fact]
    public void Check_ARelativeFile_IsTakenFromTheContentRoot()
    {
        var (code, output, _) = Check("warnings.md");

        Assert.Equal(0, code);
        Assert.StartsWith("1 article(s), 2 word(s), 0 error(s), ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("one", "two")]
    [InlineData("/no/such/folder")]
    [InlineData("../discord/openapi.json")]
    public void Check_BadUsage_ExitsTwo(params string[] args)
    {
        var (code, _, error) = Check(args);

        Assert.Equal(2, code);
        Assert.Contains("Usage", error);
    }

    [Fact]
    public void CheckJson_PrintsOneObjectWithArticlesAndDiagnostics()
    {
        using var folder = TestFiles.FolderWith("seed.md", "warnings.md", "no-title.md");

        var (code, output, _) = Check(folder.Path, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        var articles = json.RootElement.GetProperty("articles");
        var seed = articles.EnumerateArray().Single(a => a.GetProperty("file").GetString() == "seed.md");
        Assert.Equal("2025-11-07", seed.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.String, seed.GetProperty("summary").GetProperty("corrected").ValueKind);
        var loosen = seed.GetProperty("words").EnumerateArray().Single(w => w.GetProperty("headword").GetString() == "loosen");
        Assert.Equal("loosened", loosen.GetProperty("markedAs").GetString());
        Assert.Equal(["放鬆", "減弱"], loosen.GetProperty("chinese").EnumerateArray().Select(c => c.GetString()));
        var warnings = articles.EnumerateArray().Single(a => a.GetProperty("file").GetString() == "warnings.md");
        Assert.Equal(JsonValueKind.Null, warnings.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.Null, warnings.GetProperty("date").ValueKind);
        var orphan = warnings.GetProperty("words").EnumerateArray().Single(w => w.GetProperty("headword").GetString() == "orphan");
        Assert.Equal(JsonValueKind.Null, orphan.GetProperty("markedAs").ValueKind);
        Assert.Equal(JsonValueKind.Null, orphan.GetProperty("context").ValueKind);
        var error = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal("no-title.md", error.GetProperty("file").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Check_AFileWithManyProblems_ListsTwentyThenHowManyMore_AndJsonListsThemAll()
    {
        using var folder = TestFiles.FolderWith("seed.md");
        var rows = string.Concat(Enumerable.Range(0, 100).Select(i => $"| word{i} | x | n. | 詞 | e |\n"));
        File.WriteAllText(folder.File("unmarked.md"), $"---\ntitle: Unmarked\n---\n\nText.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n{rows}");

        var (code, output, _) = Check(folder.Path);
        var (_, json, _) = Check(folder.Path, "--json");

        Assert.Equal(0, code);
        var lines = BuiltApp.Lines(output);
        Assert.Equal("2 article(s), 141 word(s), 0 error(s), 100 warning(s)", lines[0]);
        Assert.Equal(22, lines.Length);
        Assert.All(lines[1..21], l => Assert.Contains("is in the vocabulary table but not marked", l, StringComparison.Ordinal));
        Assert.Equal("unmarked.md: and 80 more problem(s) in this file; `check --json` lists them all", lines[21]);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(100, document.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Check_HostileFiles_AreErrorsForThoseFiles_AndTheRestIsChecked()
    {
        using var folder = TestFiles.FolderWith("seed.md");
        File.WriteAllText(folder.File("deep.md"), HostileFiles.DeepQuotes);
        File.CreateSymbolicLink(folder.File("zero.md"), "/dev/zero");
        HostileFiles.Fifo(folder.File("pipe.md"));
        HostileFiles.LinkLoops(folder.Path);

        var (code, output, _) = await HostileFiles.Bounded(() => Check(folder.Path));

        Assert.Equal(1, code);
        var lines = BuiltApp.Lines(output);
        Assert.Equal("1 article(s), 41 word(s), 5 error(s), 3 warning(s)", lines[0]);
        Assert.Contains("deep.md:1: error: Markdig cannot read this file: Markdown elements in the input are too deeply nested", output, StringComparison.Ordinal);
        Assert.Contains("zero.md:0: error: is a link to '/dev/zero', outside the content folder; not read", lines);
        Assert.Contains("pipe.md:0: error: is a named pipe (FIFO), not a regular file; not read", lines);
        Assert.Contains("ping.md:0: error: is a link that leads nowhere (a missing target, or links that loop); not read", lines);
    }

    [Fact]
    public void Check_OneFileOverMaxFileBytes_IsAnError()
    {
        var (code, output, _) = CheckWith(new() { ["Content:MaxFileBytes"] = "100" }, "warnings.md");

        Assert.Equal(1, code);
        Assert.Matches(@"^warnings\.md:0: error: is [\d,]+ bytes more than Content:MaxFileBytes \(100 bytes\); not read$", BuiltApp.Lines(output)[1]);
    }

    [Theory]
    [InlineData("Content:MaxFileBytes", "-1", "Configuration error: Content:MaxFileBytes: The field MaxFileBytes must be between 1 and 67108864 (got '-1')")]
    [InlineData("Content:MaxFileBytes", "big", "Configuration error: Content:MaxFileBytes: 'big' is not a whole number")]
    [InlineData("Content:ParseTimeout", "00:00:00", "Configuration error: Content:ParseTimeout: The field ParseTimeout must be between 00:00:00.1000000 and 00:10:00")]
    public void Check_ABadContentSetting_ExitsTwo_NamingTheKey(string key, string value, string message)
    {
        var (code, _, error) = CheckWith(new() { [key] = value }, "warnings.md");

        Assert.Equal(2, code);
        Assert.Equal(message, error.TrimEnd());
    }
}
