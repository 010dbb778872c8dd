using System.Globalization;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Learning.Review;

namespace VocabBot.Learning.Scores;

/// <summary>/leaderboard [all|week] and /stats.</summary>
internal sealed class ScoreCommands(Scoreboard scoreboard, ReviewMemory memory, TimeProvider time, IOptions<LearningOptions> options)
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
        var standings = scoreboard.Standings(request.GuildId, week ? time.GetUtcNow().AddDays(-7) : null);
        var lines = new List<string> { week ? "Leaderboard, the last 7 days:" : "Leaderboard, all time:" };
        if (standings.Count == 0)
            return new ChatReply($"{lines[0]} no answers yet; be the first with /quiz.");

        lines.AddRange(standings.Take(TopCount).Select(s => Line(s, s.UserId == request.UserId)));
        var own = standings.FirstOrDefault(s => s.UserId == request.UserId);
        if (own is { Rank: > TopCount })
            lines.AddRange(["…", Line(own, you: true)]);
        else if (own is null)
            lines.Add("You are not on it yet; /quiz earns points.");
        return new ChatReply(string.Join('\n', lines));
    }

    public ChatReply Stats(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var answers = scoreboard.ForUser(request.GuildId, request.UserId);
        var right = answers.Count(a => a.Correct);
        var states = memory.ForUser(request.UserId);
        var nextDue = states.Where(s => s.Due > now).Select(s => (DateTimeOffset?)s.Due).Min();
        var streak = scoreboard.DayStreak(request.GuildId, request.UserId, options.Value.ZoneFor(request.GuildId), now);
        var points = answers.Sum(a => a.Points);
        var dueNow = states.Count(s => s.Due <= now);
        var fields = new List<ChatCardField>
        {
            new("Points", Number(points), Inline: true),
            new("Answers", Number(answers.Count), Inline: true),
            new("Accuracy", answers.Count == 0 ? "—" : Percent((double)right / answers.Count), Inline: true),
            new("Day streak", $"{Number(streak)} day(s)", Inline: true),
            new("Words learned", Number(states.Count(s => s.LastCorrect)), Inline: true),
            new("Due now", Number(dueNow), Inline: true),
        };
        var footer = nextDue is { } due ? $"Next word due {CommandInput.Until(due - now)}" : "Answer a /quiz to start reviewing";
        var text = answers.Count == 0
            ? "No answers yet; /quiz starts one."
            : $"{Number(points)} points, a {Number(streak)}-day streak, {Number(dueNow)} word(s) due now.";
        return new ChatReply(text, new ChatCard($"Stats for {Display(request.DisplayName)}", fields, Footer: footer), Ephemeral: true);
    }

    private static string Line(Standing s, bool you) =>
        $"{s.Rank}. {Display(s.Name)}{(you ? " (you)" : "")}: {Number(s.Points)} points, {Percent(s.Accuracy)} right of {Number(s.Answers)}";

    // Names are shown, never mentions: a zero-width space keeps "@everyone" in a name from pinging.
    private static string Display(string name) => name.Replace("@", "@\u200b", StringComparison.Ordinal);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => $"{Math.Round(share * 100).ToString(CultureInfo.InvariantCulture)}%";
}
