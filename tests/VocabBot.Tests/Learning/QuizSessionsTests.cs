using VocabBot.Learning.Quiz;
using VocabBot.Storage;

namespace VocabBot.Tests.Learning;

public sealed class QuizSessionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_DropsQuizzesIdleForOverADay_KeepsTheRest()
    {
        using var stream = new MemoryStream();
        using var database = new VocabDatabase(stream);
        var sessions = new QuizSessions(database);
        sessions.Start(Session("old", "ada", Now - TimeSpan.FromHours(25)), Now - TimeSpan.FromHours(25));
        sessions.Start(Session("recent", "bob", Now - TimeSpan.FromHours(23)), Now - TimeSpan.FromHours(23));

        sessions.Start(Session("new", "cy", Now), Now);

        Assert.Null(sessions.Find("old"));
        Assert.NotNull(sessions.Find("recent"));
        Assert.NotNull(sessions.Find("new"));
    }

    private static QuizSession Session(string id, string userId, DateTimeOffset lastActivity) => new()
    {
        Id = id,
        UserId = userId,
        UserName = userId,
        Mode = QuizMode.Quiz,
        Questions = [],
        Status = QuizStatus.Open,
        StartedAt = lastActivity,
        LastActivity = lastActivity,
    };
}
