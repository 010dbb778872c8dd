using System.Globalization;
using VocabBot.Chat;
using VocabBot.Learning.Review;

namespace VocabBot.Learning.Scores;

/// <summary>/leaderboard [all|week] and /stats (with its picture, <see cref="ProgressPicture"/>).</summary>
internal sealed class ScoreCommands(Scoreboard scoreboard, IReviewStore memory, TimeProvider time)
{
    public const int TopCount = 10;
    public static readonly IReadOnlyList<string> Periods = ["all", "week"];

    public ChatReply Leaderboard(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var period = request.Option("period")?.Trim().ToLowerInvariant() is { Length: > 0 } given ? given : "all";
        if (!Periods.Contains(period))
            return ChatReply.Private($"The period is 'all' or 'week', not '{CommandInput.Shorten(period, 20)}'; e.g. /leaderboard week.");
        if (request.GuildId is null)
            return ChatReply.Private("Leaderboards are per server; use /leaderboard in a server, or /stats here.");

        var week = period == "week";
        var board = scoreboard.Leaderboard(request.GuildId, request.UserId, week, TopCount, time.GetUtcNow());
        var lines = new List<string> { week ? "Leaderboard, this week (from Monday):" : "Leaderboard, all time:" };
        if (board.Top.Count == 0)
            return new ChatReply($"{lines[0]} no answers yet; be the first with /quiz.");

        lines.AddRange(board.Top.Select(s => Line(s, s.UserId == request.UserId)));
        if (board.Own is { Rank: > TopCount } own)
            lines.AddRange(["…", Line(own, you: true)]);
        else if (board.Own is null)
            lines.Add("You are not on it yet; /quiz earns points.");
        return new ChatReply(string.Join('\n', lines));
    }

    public ChatReply Stats(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var totals = scoreboard.TotalsOf(request.GuildId, request.UserId);
        var (points, answers, right) = (totals?.Points ?? 0, totals?.Answers ?? 0, totals?.Right ?? 0);
        var (learned, dueNow, nextDue) = memory.Summary(request.UserId, now);
        var streak = scoreboard.DayStreak(request.GuildId, request.UserId, now);
        var fields = new List<ChatCardField>
        {
            new("Points", Number(points), Inline: true),
            new("Answers", Number(answers), Inline: true),
            new("Accuracy", answers == 0 ? "—" : Percent((double)right / answers), Inline: true),
            new("Day streak", $"{Number(streak)} day(s)", Inline: true),
            new("Words learned", Number(learned), Inline: true),
            new("Due now", Number(dueNow), Inline: true),
        };
        var footer = nextDue is { } due ? $"Next word due {CommandInput.Until(due - now)}" : "Answer a /quiz to start reviewing";
        var text = answers == 0
            ? "No answers yet; /quiz starts one."
            : $"{Number(points)} points, a {Number(streak)}-day streak, {Number(dueNow)} word(s) due now.";
        var reply = new ChatReply(text, new ChatCard($"Stats for {Display(request.DisplayName)}", fields, Footer: footer), Ephemeral: true);
        if (answers == 0)
            return reply;
        var picture = ProgressPicture.Render(scoreboard.History(request.GuildId, request.UserId, now), streak);
        return reply with { Image = new ChatImage(ProgressPicture.FileName, picture, ProgressPicture.Description) };
    }

    private static string Line(Standing s, bool you) =>
        $"{s.Rank}. {Display(s.Name)}{(you ? " (you)" : "")}: {Number(s.Points)} points, {Percent(s.Accuracy)} right of {Number(s.Answers)}";

    // Names are shown, never mentions: a zero-width space keeps "@everyone" in a name from pinging.
    private static string Display(string name) => name.Replace("@", "@\u200b", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";
}
