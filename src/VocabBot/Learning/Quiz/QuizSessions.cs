using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Quiz;

/// <summary>The stored quizzes; each user has at most one open at a time.</summary>
internal sealed class QuizSessions
{
    private static readonly TimeSpan KeepClosed = TimeSpan.FromDays(1);
    private readonly VocabDatabase _database;

    public QuizSessions(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _sessions.EnsureIndex(s => s.UserId);
        _sessions.EnsureIndex(s => s.LastActivity);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<QuizSession> _sessions => _database.Collection<QuizSession>("quizzes");

    public QuizSession? Find(string id) => _sessions.FindById(id);

    public void Save(QuizSession session)
    {
        _database.EnsureWritable();
        _sessions.Upsert(session);
    }

    /// <summary>Stores a new quiz, closing the user's older open ones and dropping quizzes idle for a day.</summary>
    public void Start(QuizSession session, DateTimeOffset now)
    {
        _database.EnsureWritable();
        foreach (var open in _sessions.Find(s => s.UserId == session.UserId).Where(s => s.Status == QuizStatus.Open).ToList())
        {
            open.Status = QuizStatus.Replaced;
            _sessions.Update(open);
        }

        // Through the index: reading every stored quiz here made each /quiz slower than the one before.
        _sessions.DeleteMany(Query.LT(nameof(QuizSession.LastActivity), (now - KeepClosed).UtcDateTime));
        _sessions.Insert(session);
    }
}
