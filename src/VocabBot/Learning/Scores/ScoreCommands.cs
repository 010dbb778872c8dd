using System.Globalization;
using Microsoft.Extensions.Localization;
using VocabBot.Chat;
using VocabBot.Learning.Review;

namespace VocabBot.Learning.Scores;

/// <summary>/leaderboard [all|week] and /stats (with its picture, <see cref="ProgressPicture"/>).</summary>
internal sealed class ScoreCommands(Scoreboard scoreboard, IReviewStore memory, TimeProvider time, IStringLocalizer<LearningText> text, IStringLocalizer<ChatText> chat)
{
    public const int TopCount = 10;
    public static readonly IReadOnlyList<string> Periods = ["all", "week"];

    public ChatReply Leaderboard(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Option("period")?.Trim().ToLowerInvariant() is { Length: > 0 } given ? given : "all";
        if (!Periods.Contains(period))
            return ChatReply.Private(text["LeaderboardBadPeriod", CommandInput.Shorten(period, 20)]);
        if (request.GuildId is null)
            return ChatReply.Private(text["LeaderboardNoServer"]);

        var week = period == "week";
        var board = scoreboard.Leaderboard(request.GuildId, request.UserId, week, TopCount, time.GetUtcNow());
        var lines = new List<string> { text[week ? "LeaderboardWeek" : "LeaderboardAll"] };
        if (board.Top.Count == 0)
            return new ChatReply(text["LeaderboardEmpty", lines[0]]);

        lines.AddRange(board.Top.Select(s => Line(s, s.UserId == request.UserId)));
        if (board.Own is { Rank: > TopCount } own)
            lines.AddRange(["…", Line(own, you: true)]);
        else if (board.Own is null)
            lines.Add(text["LeaderboardNotOnIt"]);
        return new ChatReply(string.Join('\n', lines));
    }

    public ChatReply Stats(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var totals = scoreboard.TotalsOf(request.GuildId, request.UserId);
        var (points, answers, right) = (totals?.Points ?? 0, totals?.Answers ?? 0, totals?.Right ?? 0);
        var (learned, dueNow, nextDue) = memory.Summary(request.UserId, now);
        var streak = scoreboard.DayStreak(totals, request.GuildId, now);
        var fields = new List<ChatCardField>
        {
            new(text["StatsPoints"], Number(points), Inline: true),
            new(text["StatsAnswers"], Number(answers), Inline: true),
            new(text["StatsAccuracy"], answers == 0 ? "—" : Percent((double)right / answers), Inline: true),
            new(text["StatsStreak"], text[streak == 1 ? "StreakDaysOne" : "StreakDaysMany", Number(streak)], Inline: true),
            new(text["StatsLearned"], Number(learned), Inline: true),
            new(text["StatsDue"], Number(dueNow), Inline: true),
        };
        var footer = nextDue is { } due ? text["StatsNextDue", CommandInput.Until(chat, due - now)] : text["StatsStartReviewing"];
        var summary = answers == 0
            ? text["StatsNoAnswers"]
            : text[dueNow == 1 ? "StatsSummaryOne" : "StatsSummaryMany", Number(points), Number(streak), Number(dueNow)];
        var reply = new ChatReply(summary, new ChatCard(text["StatsTitle", Display(request.DisplayName)], fields, Footer: footer), Ephemeral: true);
        if (answers == 0)
            return reply;
        var picture = ProgressPicture.Render(scoreboard.History(request.GuildId, request.UserId, now), streak);
        return reply with { Image = new ChatImage(ProgressPicture.FileName, picture, ProgressPicture.Description) };
    }

    private string Line(Standing s, bool you) =>
        text["LeaderboardLine", s.Rank, Display(s.Name), you ? text["LeaderboardYou"] : "", Number(s.Points), Percent(s.Accuracy), Number(s.Answers)];

    // Names are shown, never mentions: a zero-width space keeps "@everyone" in a name from pinging.
    private static string Display(string name) => name.Replace("@", "@\u200b", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";
}
