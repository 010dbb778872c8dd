using SkiaSharp;
using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Learning.Scores;

/// <summary>The /stats picture, decoded back from its PNG bytes and read pixel by pixel.</summary>
public sealed class ProgressPictureTests
{
    private static readonly DateOnly Wednesday = new(2026, 12, 2);

    [Fact]
    public void FirstDay_IsTheMonday_ElevenWeeksBeforeThisWeeksMonday()
    {
        Assert.Equal(new DateOnly(2026, 9, 14), DailyHistory.FirstDayFor(Wednesday));
        Assert.Equal(DayOfWeek.Monday, DailyHistory.FirstDayFor(new DateOnly(2026, 12, 6)).DayOfWeek); // a Sunday
        Assert.Equal(new DateOnly(2026, 9, 21), DailyHistory.FirstDayFor(new DateOnly(2026, 12, 7))); // the next Monday
    }

    [Fact]
    public void AccuracyPerWeek_IsRightOverAnswers_NullForAWeekWithout()
    {
        var first = DailyHistory.FirstDayFor(Wednesday);
        var history = new DailyHistory(first, Wednesday,
            [new DayCount(first, 4, 1), new DayCount(first.AddDays(6), 4, 4), new DayCount(Wednesday, 5, 5), new DayCount(first.AddDays(-1), 9, 0)]);

        var accuracy = history.AccuracyPerWeek();

        Assert.Equal(12, accuracy.Length);
        Assert.Equal(5 / 8.0, accuracy[0]);
        Assert.All(accuracy[1..11], week => Assert.Null(week));
        Assert.Equal(1.0, accuracy[11]);
    }

    [Fact]
    public void Picture_IsAPng_WithAnsweredDaysShadedByCount_AndEmptyDaysPale()
    {
        var first = DailyHistory.FirstDayFor(Wednesday);
        var history = new DailyHistory(first, Wednesday, [new DayCount(first.AddDays(8), 1, 1), new DayCount(Wednesday, 40, 30)]);

        using var picture = Decode(ProgressPicture.Render(history, streak: 1));

        Assert.Equal((ProgressPicture.Width, ProgressPicture.Height), (picture.Width, picture.Height));
        var empty = At(picture, week: 0, weekday: 0);
        var few = At(picture, week: 1, weekday: 1);
        var busiest = At(picture, week: 11, weekday: 2);
        Assert.Equal(ProgressPicture.ShadeOf(0, 40), empty);
        Assert.Equal(ProgressPicture.ShadeOf(1, 40), few);
        Assert.Equal(ProgressPicture.ShadeOf(40, 40), busiest);
        Assert.NotEqual(empty, few);
        Assert.NotEqual(few, busiest);
    }

    [Fact]
    public void DaysAfterToday_AreLeftBlank()
    {
        var history = new DailyHistory(DailyHistory.FirstDayFor(Wednesday), Wednesday, []);

        using var picture = Decode(ProgressPicture.Render(history, streak: 0));

        Assert.Equal(ProgressPicture.ShadeOf(0, 0), At(picture, week: 11, weekday: 2));
        Assert.Equal(SKColors.White, At(picture, week: 11, weekday: 3));
    }

    [Fact]
    public void AccuracyLine_GoesThroughEachWeeksShare_AndSkipsWeeksWithoutAnswers()
    {
        var first = DailyHistory.FirstDayFor(Wednesday);
        var history = new DailyHistory(first, Wednesday, [new DayCount(first, 4, 4), new DayCount(first.AddDays(7), 4, 2), new DayCount(Wednesday, 4, 1)]);

        using var picture = Decode(ProgressPicture.Render(history, streak: 3));

        var line = Pixel(picture, ProgressPicture.AccuracyPoint(0, 1.0));
        Assert.Equal(line, Pixel(picture, ProgressPicture.AccuracyPoint(1, 0.5)));
        Assert.Equal(line, Pixel(picture, ProgressPicture.AccuracyPoint(11, 0.25)));
        Assert.NotEqual(SKColors.White, line);
        // Week 2 has no answers: nothing between the chart's lines at its column.
        Assert.Equal(SKColors.White, Pixel(picture, ProgressPicture.AccuracyPoint(2, 0.75)));
        Assert.Equal(SKColors.White, Pixel(picture, ProgressPicture.AccuracyPoint(10, 0.3)));
    }

    private static SKBitmap Decode(byte[] png)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");
    }

    private static SKColor At(SKBitmap picture, int week, int weekday) => Pixel(picture, ProgressPicture.CellCentre(week, weekday));

    private static SKColor Pixel(SKBitmap picture, SKPointI point) => picture.GetPixel(point.X, point.Y);
}
