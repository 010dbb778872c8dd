using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Quiz;

/// <summary>
/// The quizzes in the LiteDB file, in the "quizzes" collection and the document shape (<see cref="QuizSession"/>)
/// earlier versions wrote. Each change reads and writes the document under the database's write lock, which an
/// answer's transaction holds until it commits: one process owns the file, so that is a conditional update.
/// </summary>
internal sealed class LiteDbQuizStore : IQuizStore
{
    private static readonly TimeSpan KeepClosed = TimeSpan.FromDays(1);

    // A user's open quizzes through an index of user and status: by user alone, each /quiz read every quiz of theirs
    // from the last day (/review p50 18 ms after 400 quizzes that day; 2 ms through this index).
    private const string UserAndStatus = "$.UserId + '|' + $.Status";
    private readonly VocabDatabase _database;

    public LiteDbQuizStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Sessions.EnsureIndex(s => s.UserId);
        Sessions.EnsureIndex("UserAndStatus", UserAndStatus);
        Sessions.EnsureIndex(s => s.LastActivity);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<QuizSession> Sessions => _database.Collection<QuizSession>("quizzes");

    public QuizSession? Find(string id) => Sessions.FindById(id);

    public void Start(QuizSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            foreach (var open in Sessions.Find(BsonExpression.Create($"{UserAndStatus} = @0", $"{session.UserId}|{QuizStatus.Open}")).ToList())
            {
                open.Status = QuizStatus.Replaced;
                Sessions.Update(open);
            }

            // Through the index: reading every stored quiz here made each /quiz slower than the one before.
            Sessions.DeleteMany(Query.LT(nameof(QuizSession.LastActivity), (now - KeepClosed).UtcDateTime));
            Sessions.Insert(session);
        }
    }

    public bool Choose(string id, int index, int option) => Change(id, session =>
    {
        if (index != session.Current || index >= session.Questions.Count || session.Questions[index].Chosen is not null)
            return false;
        session.Questions[index].Chosen = option;
        return true;
    });

    public void AddResult(string id, bool correct, int points, DateTimeOffset now, bool finished) => Change(id, session =>
    {
        session.Right += correct ? 1 : 0;
        session.Points += points;
        session.LastActivity = now;
        session.Status = finished ? QuizStatus.Finished : session.Status;
        return true;
    });

    public bool Advance(string id, int index, DateTimeOffset now) => Change(id, session =>
    {
        if (session.Current != index)
            return false;
        session.Current = index + 1;
        session.LastActivity = now;
        return true;
    });

    public void Expire(string id) => Change(id, session =>
    {
        if (session.Status != QuizStatus.Open)
            return false;
        session.Status = QuizStatus.Expired;
        return true;
    });

    /// <summary>Reads the quiz, lets <paramref name="change"/> decide, and writes it back when it changed, as one step.</summary>
    private bool Change(string id, Func<QuizSession, bool> change)
    {
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            if (Sessions.FindById(id) is not { } session || !change(session))
                return false;
            Sessions.Update(session);
            return true;
        }
    }
}
