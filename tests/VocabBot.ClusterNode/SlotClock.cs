namespace VocabBot.ClusterNode;

/// <summary>
/// A clock for the word of the day alone on which every slot of <paramref name="slot"/> real time, from
/// <paramref name="anchor"/> on, is one whole day: a slot's post is that "day's" post, and the production rule
/// (one post per channel per local day) becomes one post per channel per slot without being changed. Slot k after
/// the anchor is the UTC day <see cref="DayZero"/> + k. The node host gives it to WordOfTheDayService only; Quartz,
/// and the rest of the app, keep real time, so a cron of one slot fires once in each of this clock's days.
/// The test project compiles this same file, to know which day each slot recorded.
/// </summary>
internal sealed class SlotClock(DateTimeOffset anchor, TimeSpan slot) : TimeProvider
{
    public static readonly DateTimeOffset DayZero = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => At(System.GetUtcNow());

    /// <summary>What this clock reads at a real instant.</summary>
    public DateTimeOffset At(DateTimeOffset real) => DayZero + ((real - anchor) * (TimeSpan.FromDays(1) / slot));
}
