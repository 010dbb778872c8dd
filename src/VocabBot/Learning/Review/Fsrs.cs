namespace VocabBot.Learning.Review;

/// <summary>How well a word was recalled, in FSRS's terms. A right quiz answer is Good, a wrong one Again.</summary>
internal enum Rating { Again = 1, Hard = 2, Good = 3, Easy = 4 }

/// <summary>A word's memory in FSRS: stability in days (the interval at 90% recall) and difficulty 1..10.</summary>
internal readonly record struct FsrsMemory(double Stability, double Difficulty);

/// <summary>
/// The FSRS-4.5 memory model with its default weights, written from the published formulas
/// (open-spaced-repetition/fsrs4anki wiki, "The Algorithm"), since no scheduler package is served.
/// </summary>
internal static class Fsrs
{
    public static readonly IReadOnlyList<double> W =
    [
        0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474,
        0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
    ];

    public const double Decay = -0.5;
    public const double Factor = 19.0 / 81.0;
    public const double DesiredRetention = 0.9;
    private const int MaximumIntervalDays = 36500;

    /// <summary>The chance of recall <paramref name="elapsedDays"/> after the last review.</summary>
    public static double Retrievability(double elapsedDays, double stability) =>
        Math.Pow(1 + Factor * elapsedDays / stability, Decay);

    public static double InitialStability(Rating rating) => W[(int)rating - 1];

    public static double InitialDifficulty(Rating rating) => ClampDifficulty(W[4] - ((int)rating - 3) * W[5]);

    /// <summary>Difficulty after a review, reverting toward the initial difficulty of Good.</summary>
    public static double NextDifficulty(double difficulty, Rating rating) =>
        ClampDifficulty(W[7] * InitialDifficulty(Rating.Good) + (1 - W[7]) * (difficulty - W[6] * ((int)rating - 3)));

    public static double RecallStability(double difficulty, double stability, double retrievability, Rating rating) =>
        stability * (Math.Exp(W[8]) * (11 - difficulty) * Math.Pow(stability, -W[9])
            * (Math.Exp(W[10] * (1 - retrievability)) - 1)
            * (rating == Rating.Hard ? W[15] : 1) * (rating == Rating.Easy ? W[16] : 1) + 1);

    public static double ForgetStability(double difficulty, double stability, double retrievability) =>
        W[11] * Math.Pow(difficulty, -W[12]) * (Math.Pow(stability + 1, W[13]) - 1) * Math.Exp(W[14] * (1 - retrievability));

    /// <summary>The memory after a review; <paramref name="memory"/> is null for a word never reviewed.</summary>
    public static FsrsMemory Next(FsrsMemory? memory, double elapsedDays, Rating rating)
    {
        if (memory is not { } m)
            return new FsrsMemory(InitialStability(rating), InitialDifficulty(rating));
        var r = Retrievability(Math.Max(0, elapsedDays), m.Stability);
        var stability = rating == Rating.Again
            ? ForgetStability(m.Difficulty, m.Stability, r)
            : RecallStability(m.Difficulty, m.Stability, r, rating);
        return new FsrsMemory(stability, NextDifficulty(m.Difficulty, rating));
    }

    /// <summary>Whole days until recall drops to 90%; for that retention the formula gives the stability itself.</summary>
    public static int IntervalDays(double stability)
    {
        var days = stability / Factor * (Math.Pow(DesiredRetention, 1 / Decay) - 1);
        return (int)Math.Clamp(Math.Round(days, MidpointRounding.AwayFromZero), 1, MaximumIntervalDays);
    }

    private static double ClampDifficulty(double difficulty) => Math.Clamp(difficulty, 1, 10);
}
