using System.Globalization;
using VocabBot.Storage;

namespace VocabBot.Learning.Scores;

/// <summary>migrate-store's part for scores: the answer log with its ids, then the totals and day counts added up from the copied log.</summary>
internal sealed class ScoresCopier(LiteDbScoreStore from, PostgresScoreStore to, Scoreboard scoreboard) : IStoreCopier
{
    public string Feature => "scores";

    public Task<IReadOnlyList<string>> CopyAsync(CancellationToken cancellationToken)
    {
        var answers = 0;
        var added = to.ImportLog(from.Log().Select(a =>
        {
            answers++;
            return a;
        }));
        // Added up from PostgreSQL's whole log, so answers it had before the copy count too.
        var (totals, days, _) = scoreboard.Replay(to.Log());
        to.ReplaceTotals(totals, days);
        IReadOnlyList<string> copied =
        [
            string.Create(CultureInfo.InvariantCulture, $"{answers:N0} answers ({added:N0} new)"),
            string.Create(CultureInfo.InvariantCulture, $"{totals.Count:N0} running totals"),
        ];
        return Task.FromResult(copied);
    }
}
