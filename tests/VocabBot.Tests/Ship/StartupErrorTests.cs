namespace VocabBot.Tests.Ship;

/// <summary>Bad configuration stops the app before it serves: one line per key, exit code 2, no stack trace.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly TempFolder _startFolder = new();
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md");

    public void Dispose()
    {
        _startFolder.Dispose();
        _content.Dispose();
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Content__Directory"] = _content.Path,
            ["Content__Watch"] = "false",
            ["Storage__DatabasePath"] = _startFolder.File("vocabbot.db"),
        };
        foreach (var (key, value) in settings)
            environment[key] = value;
        return environment;
    }

    private static string SingleErrorLine(int code, string error)
    {
        Assert.True(code == 2, $"exit code {code}: {error}");
        return Assert.Single(BuiltApp.Lines(error));
    }

    [Fact]
    public void DatabasePathIsAFolder_ExitsTwo_NamingTheKeyAndThePath()
    {
        var folder = Directory.CreateDirectory(_startFolder.File("data")).FullName;

        var (code, _, error) = BuiltApp.Run(_startFolder.Path, Settings(("Storage__DatabasePath", folder)), "console");

        var line = SingleErrorLine(code, error);
        Assert.StartsWith("Configuration error: Storage:DatabasePath: ", line, StringComparison.Ordinal);
        Assert.Contains($"'{folder}' is a folder", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("console")]
    [InlineData("run")]
    public void MissingContentFolder_ExitsTwo_WithTheFullPathItLookedAt(string verb)
    {
        var settings = Settings(("Discord__Token", "a-token"), ("Discord__ApiBaseUrl", "http://127.0.0.1:9/api/v10"));
        settings.Remove("Content__Directory");

        var (code, _, error) = BuiltApp.Run(_startFolder.Path, settings, verb);

        var line = SingleErrorLine(code, error);
        var expected = Path.Combine(_startFolder.Path, "content");
        Assert.Equal($"Configuration error: Content:Directory: the folder '{expected}' does not exist (a relative path starts at {_startFolder.Path})", line);
    }

    [Fact]
    public void ValuesTheBinderRejects_GiveOneLinePerKey_WithTheValue()
    {
        var (code, _, error) = BuiltApp.Run(_startFolder.Path, Settings(), "console",
            "--Content:WatchDebounce=soon", "--Content:Watch=maybe", "--Learning:QuizExpiry=later", "--WordOfTheDay:Schedules:0:ChannelId=general");

        Assert.True(code == 2, error);
        Assert.Equal(
            [
                "Configuration error: Content:Watch: 'maybe' is not true or false",
                "Configuration error: Content:WatchDebounce: 'soon' is not a duration like 00:00:30 (hh:mm:ss)",
                "Configuration error: Learning:QuizExpiry: 'later' is not a duration like 00:00:30 (hh:mm:ss)",
                "Configuration error: WordOfTheDay:Schedules:0:ChannelId: 'general' is not a numeric channel id",
            ],
            BuiltApp.Lines(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ARangeFailure_NamesTheKeyAndTheValue()
    {
        var (code, _, error) = BuiltApp.Run(_startFolder.Path, Settings(), "console", "--Content:WatchDebounce=01:00:00");

        var line = SingleErrorLine(code, error);
        Assert.Equal("Configuration error: Content:WatchDebounce: The field WatchDebounce must be between 00:00:00 and 00:10:00 (got '01:00:00')", line);
    }
}
