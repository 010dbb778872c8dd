using System.Globalization;
using SkiaSharp;

namespace VocabBot.Learning.Scores;

/// <summary>
/// The /stats picture, a PNG: the member's answers per day over <see cref="DailyHistory.Weeks"/> weeks as a calendar
/// (rows Monday to Sunday, a column a week, the last one this week; the more answers, the darker), the day streak
/// above it, and each week's accuracy as a line below, under the same columns. Labels are English and digits in
/// <see cref="PixelFont"/>: no CJK and no font, so no font file ships.
/// </summary>
internal static class ProgressPicture
{
    public const string FileName = "stats.png";
    public const int Width = 400;
    public const int Height = 360;
    public const string Description = "Answers per day over 12 weeks, the day streak, and the accuracy of each week";

    private const int Margin = 16;
    private const float TextScale = 2;
    private const int TextHeight = (int)(PixelFont.GlyphHeight * TextScale);
    /// <summary>The left edge of the calendar and the chart; the row and axis labels sit left of it.</summary>
    public const int GridLeft = 76;
    public const int GridTop = Margin + TextHeight + 14;
    public const int Cell = 22;
    public const int Step = 26;
    private const int GridBottom = GridTop + 7 * Step - (Step - Cell);
    private const int HeadingTop = GridBottom + 18;
    private const int ChartTop = HeadingTop + TextHeight + 14;
    private const int ChartBottom = Height - Margin - 2;

    private static readonly SKColor Background = SKColors.White;
    private static readonly SKColor Ink = new(0x24, 0x29, 0x2F);
    private static readonly SKColor Faint = new(0xD0, 0xD7, 0xDE);
    private static readonly SKColor Line = new(0x09, 0x69, 0xDA);
    // No answers, then four shades from a few to the member's busiest day, as GitHub's contributions calendar.
    private static readonly SKColor[] Shades =
    [
        new(0xEB, 0xED, 0xF0), new(0x9B, 0xE9, 0xA8), new(0x40, 0xC4, 0x63), new(0x30, 0xA1, 0x4E), new(0x21, 0x6E, 0x39),
    ];

    // What every picture has (the white, the labels that never change, the chart's grid) and a cell of each shade,
    // drawn once: each /stats copies them instead of drawing them again (docs/PERFORMANCE.md, "Progress picture").
    private static readonly SKImage Unchanging = DrawUnchanging();
    private static readonly SKImage[] Cells = [.. Shades.Select(DrawCell)];

    /// <summary>The shade of a day: 0 without answers, 1 to 4 by its share of the busiest day's answers.</summary>
    public static SKColor ShadeOf(int answers, int busiest) => Shades[ShadeIndex(answers, busiest)];

    private static int ShadeIndex(int answers, int busiest) =>
        answers <= 0 || busiest <= 0 ? 0 : (int)Math.Min(4, (4L * answers + busiest - 1) / busiest);

    /// <summary>The centre of a day's cell: its week is the column, its weekday (Monday 0) the row.</summary>
    public static SKPointI CellCentre(int week, int weekday) => new(GridLeft + week * Step + Cell / 2, GridTop + weekday * Step + Cell / 2);

    /// <summary>Where the accuracy line passes for a week: over the week's column, <paramref name="share"/> of the way up.</summary>
    public static SKPointI AccuracyPoint(int week, double share) => new(CellCentre(week, 0).X, (int)Y(share));

    public static byte[] Render(DailyHistory history, int streak)
    {
        ArgumentNullException.ThrowIfNull(history);
        using var surface = NewSurface(Width, Height);
        var canvas = surface.Canvas;
        canvas.DrawImage(Unchanging, 0, 0, SKSamplingOptions.Default);
        DrawText(canvas, $"streak {Number(streak)} {(streak == 1 ? "day" : "days")}", Width - Margin, Margin, alignRight: true);
        DrawCalendar(canvas, history);
        DrawAccuracy(canvas, history.AccuracyPerWeek());

        // Encoding is most of the time. The "up" filter turns the calendar's repeated rows into zeros, and zlib level 1
        // packs those nearly as well as Skia's default: a few KB more, in a fraction of the time (docs/PERFORMANCE.md).
        using var pixels = surface.PeekPixels();
        using var png = pixels?.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 1))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the /stats picture as PNG.");
        return png.ToArray();
    }

    // Opaque RGB: the PNG carries 3 bytes a pixel, not 4, and the encoder has a quarter less to compress.
    private static SKSurface NewSurface(int width, int height) =>
        SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgb888x, SKAlphaType.Opaque))
            ?? throw new InvalidOperationException("SkiaSharp could not make a surface for the /stats picture.");

    private static SKImage DrawUnchanging()
    {
        using var surface = NewSurface(Width, Height);
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        DrawText(canvas, $"{DailyHistory.Weeks} weeks", Margin, Margin);
        foreach (var (weekday, label) in new[] { (0, "mon"), (2, "wed"), (4, "fri"), (6, "sun") })
            DrawText(canvas, label, Margin, GridTop + weekday * Step + (Cell - TextHeight) / 2);

        DrawText(canvas, "accuracy", Margin, HeadingTop);
        using var grid = new SKPaint { Color = Faint, StrokeWidth = 1 };
        foreach (var (share, label) in new[] { (1.0, "100%"), (0.5, "50%"), (0.0, "0%") })
        {
            var y = Y(share);
            canvas.DrawLine(GridLeft, y + 0.5f, GridLeft + DailyHistory.Weeks * Step - (Step - Cell), y + 0.5f, grid);
            DrawText(canvas, label, GridLeft - 10, y - TextHeight / 2, alignRight: true);
        }

        return surface.Snapshot();
    }

    // Not antialiased: 84 antialiased rounded cells took 1.5 ms, and at 3 px the corners look the same. On white, as
    // the calendar's background; copying one is a fifth of drawing it.
    private static SKImage DrawCell(SKColor shade)
    {
        using var surface = NewSurface(Cell, Cell);
        surface.Canvas.Clear(Background);
        using var paint = new SKPaint { Color = shade, IsAntialias = false };
        surface.Canvas.DrawRoundRect(SKRect.Create(0, 0, Cell, Cell), 3, 3, paint);
        return surface.Snapshot();
    }

    private static void DrawCalendar(SKCanvas canvas, DailyHistory history)
    {
        var answers = history.AnswersPerDay();
        var busiest = answers.Max();
        var days = history.Today.DayNumber - history.FirstDay.DayNumber + 1; // the days after today are left blank
        for (var day = 0; day < Math.Min(days, answers.Length); day++)
        {
            var centre = CellCentre(day / 7, day % 7);
            canvas.DrawImage(Cells[ShadeIndex(answers[day], busiest)], centre.X - Cell / 2, centre.Y - Cell / 2, SKSamplingOptions.Default);
        }
    }

    private static void DrawAccuracy(SKCanvas canvas, double?[] accuracy)
    {
        var latest = accuracy[^1] is { } thisWeek ? Percent(thisWeek) : "-";
        DrawText(canvas, $"this week {latest}", Width - Margin, HeadingTop, alignRight: true);

        using var line = new SKPaint { Color = Line, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3, StrokeCap = SKStrokeCap.Round, StrokeJoin = SKStrokeJoin.Round };
        using var dot = new SKPaint { Color = Line, IsAntialias = true };
        using var path = new SKPathBuilder();
        var drawing = false;
        for (var week = 0; week < accuracy.Length; week++)
        {
            if (accuracy[week] is not { } share)
            {
                drawing = false; // a week without answers breaks the line
                continue;
            }

            SKPoint point = AccuracyPoint(week, share);
            if (drawing)
                path.LineTo(point);
            else
                path.MoveTo(point);
            drawing = true;
            canvas.DrawCircle(point, 4, dot);
        }

        using var drawn = path.Detach();
        canvas.DrawPath(drawn, line);
    }

    private static float Y(double share) => (float)Math.Round(ChartBottom - share * (ChartBottom - ChartTop));

    private static void DrawText(SKCanvas canvas, string text, float x, float y, bool alignRight = false) =>
        PixelFont.Draw(canvas, text, alignRight ? x - PixelFont.Width(text, TextScale) : x, y, TextScale, Ink);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => $"{Number((int)Math.Round(share * 100))}%";
}
