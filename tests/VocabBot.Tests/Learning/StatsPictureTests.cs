using SkiaSharp;
using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Learning;

/// <summary>/stats attaches the picture of the member's 12 weeks, counted in the server's zone.</summary>
public sealed class StatsPictureTests
{
    [Fact]
    public async Task Stats_AfterAnswers_AttachesACalendarWithTodayShaded_InTheServersZone()
    {
        // TestBot starts on Monday 2026-01-05, 09:00 in Taipei (the default zone); 01:00 UTC is still Sunday in New York.
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Learning:GuildTimeZones:ny"] = "America/New_York" });
        var board = bot.Get<Scoreboard>();
        foreach (var guild in new[] { "guild", "ny" })
        {
            board.Record(guild, "u1", "Ann", "a", true, bot.Time.GetUtcNow());
            board.Record(guild, "u1", "Ann", "b", false, bot.Time.GetUtcNow());
        }

        var taipei = await bot.SendInAsync("guild", "u1", "stats");
        var newYork = await bot.SendInAsync("ny", "u1", "stats");

        Assert.Equal(ProgressPicture.FileName, taipei.Image!.FileName);
        Assert.Equal(ProgressPicture.Description, taipei.Image.Description);
        using var monday = SKBitmap.Decode(taipei.Image.Content.ToArray());
        Assert.Equal(ProgressPicture.ShadeOf(2, 2), Cell(monday, week: 11, weekday: 0));
        using var sunday = SKBitmap.Decode(newYork.Image!.Content.ToArray());
        Assert.Equal(ProgressPicture.ShadeOf(2, 2), Cell(sunday, week: 11, weekday: 6));
        Assert.Equal(ProgressPicture.ShadeOf(0, 2), Cell(sunday, week: 11, weekday: 5));
    }

    [Fact]
    public async Task Stats_WithoutAnswers_HasNoPicture()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "stats");

        Assert.Null(reply.Image);
    }

    private static SKColor Cell(SKBitmap picture, int week, int weekday)
    {
        var centre = ProgressPicture.CellCentre(week, weekday);
        return picture.GetPixel(centre.X, centre.Y);
    }
}
