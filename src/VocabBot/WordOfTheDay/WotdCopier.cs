using System.Globalization;
using VocabBot.Storage;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// migrate-store's part for the word of the day: schedules, refusals, each channel's cycle and every day's word
/// with whether it was posted, through the PostgreSQL store's own writes, which keep each (channel, day) once.
/// </summary>
internal sealed class WotdCopier(LiteDbWotdStore from, PostgresWotdStore to) : IStoreCopier
{
    public string Feature => "word of the day";

    public async Task<IReadOnlyList<string>> CopyAsync(CancellationToken cancellationToken)
    {
        var setups = await from.AllSetupsAsync(cancellationToken);
        foreach (var setup in setups)
            await to.SaveSetupAsync(setup, cancellationToken);
        // After the setups: saving a setup clears its channel's refusal.
        var refusals = from.AllRefusals();
        foreach (var refusal in refusals)
            await to.SaveRefusalAsync(refusal, cancellationToken);
        var cycles = from.AllCycles();
        foreach (var (channel, seen) in cycles)
        {
            for (var i = 0; i < seen.Count; i++)
                await to.AddSeenAsync(channel, seen[i], startOver: i == 0, cancellationToken);
        }

        var days = from.AllDays();
        foreach (var day in days)
        {
            await to.ChooseWordAsync(day.ChannelId, day.Date, day.WordKey, replacing: null, cancellationToken);
            if (day.Posted)
                await to.RecordPostAsync(day.ChannelId, day.Date, day.WordKey, day.PostedAt ?? default, cancellationToken);
        }

        return
        [
            Count(setups.Count, "schedules"),
            Count(refusals.Count, "refused channels"),
            Count(cycles.Count, "word cycles"),
            Count(days.Count(d => d.Posted), "posted days"),
        ];
    }

    private static string Count(int count, string what) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {what}");
}
