namespace VocabBot.Tests.Ship;

public sealed class CommandLineTests : IDisposable
{
    private readonly TempFolder _startFolder = TestFiles.FolderWith("seed.md");

    public void Dispose() => _startFolder.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_PrintsTheUsageToStandardOutput_AndExitsZero(string flag)
    {
        var (code, output, error) = BuiltApp.Run(_startFolder.Path, null, flag);

        Assert.True(code == 0, error);
        Assert.Equal(Usage.Text.TrimEnd(), output.TrimEnd());
        Assert.Empty(error);
    }

    [Fact]
    public void UnknownCommand_ExitsTwo_WithTheUsageOnStandardError()
    {
        var (code, output, error) = BuiltApp.Run(_startFolder.Path, null, "frobnicate");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith("Unknown command 'frobnicate'.", error, StringComparison.Ordinal);
        Assert.Contains(Usage.Text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOneFile_FromTheFolderItIsIn_PrintsItsSummary()
    {
        var (code, output, error) = BuiltApp.Run(_startFolder.Path, null, "check", "seed.md");

        Assert.True(code == 0, error);
        Assert.Equal("1 article(s), 41 word(s), 0 error(s), 0 warning(s)", output.TrimEnd());
    }

    [Fact]
    public void CheckAMissingFile_ExitsTwo_SayingWhereItLooked()
    {
        var (code, _, error) = BuiltApp.Run(_startFolder.Path, null, "check", "seeds.md");

        Assert.Equal(2, code);
        Assert.StartsWith($"'seeds.md' does not exist (looked for the folder or file '{Path.Combine(_startFolder.Path, "seeds.md")}').", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ASettingWithOneDash_ExitsTwo_WithTheUsage_NotAStackTrace()
    {
        var (code, _, error) = BuiltApp.Run(_startFolder.Path, null, "console", "-Content:Directory=notes");

        Assert.Equal(2, code);
        Assert.Contains("'-Content:Directory=notes'", error, StringComparison.Ordinal);
        Assert.Contains(Usage.Text, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
