namespace VocabBot.Tests.Ship;

public sealed class PublishedAppTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    [Fact]
    public void Check_FromThePublishedFolder_ValidatesTheShippedContent()
    {
        var (code, output, error) = app.App(null!, null, "check");

        Assert.True(code == 0, error);
        Assert.Contains("41 word(s), 0 error(s)", output);
    }

    [Fact]
    public void Console_FromThePublishedFolder_AnswersThroughAPipe()
    {
        var database = Path.Combine(Path.GetTempPath(), $"vocabbot-published-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string> { ["Storage__DatabasePath"] = database, ["Content__Watch"] = "false" };

        var (code, output, error) = app.App("/define loosened\n/wotd\n", environment, "console");

        File.Delete(database);
        Assert.True(code == 0, error);
        Assert.Contains("loosened → loosen: 放鬆；減弱", output);
        Assert.Contains("Word of the day:", output);
    }

    [Fact]
    public void Console_FromThePublishedFolder_DrawsTheStatsPicture_WithTheNativeLibraryItShips()
    {
        using var data = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = data.File("vocabbot.db"),
            ["Content__Watch"] = "false",
            ["Console__ImageDirectory"] = data.File("images"),
        };

        var (code, output, error) = app.App("/quiz 1\na\n/stats\n", environment, "console");

        Assert.True(code == 0, error);
        Assert.Single(Directory.GetFiles(app.Folder, "libSkiaSharp.so", SearchOption.AllDirectories));
        var picture = data.File(Path.Combine("images", "stats.png"));
        Assert.Contains($"Picture: {picture}", output);
        using var decoded = SkiaSharp.SKBitmap.Decode(picture);
        Assert.Equal(400, decoded.Width);
    }

    [Fact]
    public void JsonFormatter_WritesEveryLogLineAsAJsonObject()
    {
        var database = Path.Combine(Path.GetTempPath(), $"vocabbot-json-{Guid.NewGuid():N}.db");
        var environment = new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = database,
            ["Content__Watch"] = "false",
            ["Logging__Console__FormatterName"] = "json",
        };

        var (code, _, error) = app.App("/quit\n", environment, "console");

        File.Delete(database);
        Assert.Equal(0, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
        Assert.Contains(lines, line => line.Contains("\"Category\":\"VocabBot.Content.ContentImporter\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WithoutAToken_PointsToTheConsole()
    {
        var (code, _, error) = app.App("", new Dictionary<string, string> { ["Discord__Token"] = "" });

        Assert.Equal(2, code);
        Assert.Contains("-- console", error);
    }

    [Fact]
    public void BadConfiguration_StopsWithOneLinePerKey_AndExitCodeTwo()
    {
        var environment = new Dictionary<string, string>
        {
            ["WordOfTheDay__Schedules__0__ChannelId"] = "general",
            ["WordOfTheDay__Schedules__0__Cron"] = "every morning",
            ["WordOfTheDay__Schedules__0__TimeZone"] = "Mars/Olympus",
            ["Storage__DatabasePath"] = "/proc/vocabbot/vocabbot.db",
        };

        var (code, _, error) = app.App("", environment, "console");

        Assert.Equal(2, code);
        Assert.Contains("WordOfTheDay:Schedules:0:ChannelId", error);
        Assert.Contains("WordOfTheDay:Schedules:0:Cron", error);
        Assert.Contains("WordOfTheDay:Schedules:0:TimeZone", error);
        Assert.Contains("Storage:DatabasePath", error);
        Assert.DoesNotContain("   at ", error);
    }
}
