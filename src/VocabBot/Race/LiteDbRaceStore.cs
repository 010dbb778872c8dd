using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Race;

/// <summary>
/// The races in the LiteDB file ("races", with their questions inside) and their answers ("race_answers", one
/// document per race, round and member). Each check-then-write holds the database's write lock, which a round's
/// closing transaction holds until it commits: one process owns the file, so each is a conditional update.
/// </summary>
internal sealed class LiteDbRaceStore : IRaceStore
{
    private static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);
    private readonly VocabDatabase _database;

    public LiteDbRaceStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        Races.EnsureIndex(r => r.ChannelId);
        Races.EnsureIndex(r => r.Finished);
        AnswerDocuments.EnsureIndex(a => a.RaceId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<RaceRecord> Races => _database.Collection<RaceRecord>("races");

    private ILiteCollection<RaceAnswerDocument> AnswerDocuments => _database.Collection<RaceAnswerDocument>("race_answers");

    private ILiteCollection<RaceLease> Leases => _database.Collection<RaceLease>("race_leases");

    // One process owns the file: no other process writes answers or stops, and leases only matter across a restart.
    public bool Shared => false;

    public bool Claim(string raceId, string owner, DateTimeOffset now, DateTimeOffset until)
    {
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            if (Leases.FindById(raceId) is { } held && held.Owner != owner && held.Until > now)
                return false;
            Leases.Upsert(new RaceLease { Id = raceId, Owner = owner, Until = until });
            return true;
        }
    }

    public void Release(string raceId, string owner)
    {
        lock (_database.WriteLock)
        {
            if (Leases.FindById(raceId) is { } held && held.Owner == owner)
                Leases.Delete(raceId);
        }
    }

    public RaceRecord? Start(RaceRecord race, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(race);
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            if (RunningIn(race.ChannelId) is { } running)
                return running;
            var cutoff = now - KeepFinished;
            foreach (var old in Races.Find(Query.EQ(nameof(RaceRecord.Finished), true)).Where(r => r.StartedAt < cutoff).Select(r => r.Id).ToList())
            {
                AnswerDocuments.DeleteMany(Query.EQ(nameof(RaceAnswerDocument.RaceId), old));
                Leases.Delete(old);
                Races.Delete(old);
            }

            Races.Insert(race);
            return null;
        }
    }

    public RaceRecord? Find(string id) => Races.FindById(id);

    public RaceRecord? RunningIn(string channelId) => Races.Find(Query.EQ(nameof(RaceRecord.ChannelId), channelId)).FirstOrDefault(r => !r.Finished);

    public IReadOnlyList<RaceRecord> Running() => [.. Races.Find(Query.EQ(nameof(RaceRecord.Finished), false))];

    public IReadOnlyList<RaceAnswer> Answers(string raceId) =>
        [.. AnswerDocuments.Find(Query.EQ(nameof(RaceAnswerDocument.RaceId), raceId)).OrderBy(a => a.Seq).Select(a => a.ToAnswer())];

    public RaceAnswer? AnswerOf(string raceId, int round, string userId) =>
        AnswerDocuments.FindById(RaceAnswerDocument.IdOf(raceId, round, userId))?.ToAnswer();

    public AnswerOutcome Answer(RaceAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            if (Races.FindById(answer.RaceId) is not { RoundOpen: true } race || race.Current != answer.Round)
                return AnswerOutcome.RoundOver;
            var id = RaceAnswerDocument.IdOf(answer.RaceId, answer.Round, answer.UserId);
            if (AnswerDocuments.FindById(id) is not null)
                return AnswerOutcome.AlreadyAnswered;
            var seq = AnswerDocuments.Count(Query.EQ(nameof(RaceAnswerDocument.RaceId), answer.RaceId)) + 1;
            AnswerDocuments.Insert(RaceAnswerDocument.Of(id, answer with { Seq = seq }));
            return AnswerOutcome.Accepted;
        }
    }

    public bool CloseRound(string raceId, int round) => Change(raceId, race =>
    {
        if (race.Current != round || race.Closed >= round)
            return false;
        race.Closed = round;
        return true;
    });

    public bool OpenRound(string raceId, int round, DateTimeOffset deadline) => Change(raceId, race =>
    {
        if (race.Finished || race.Current != round - 1 || race.Closed != round - 1 || round >= race.Questions.Count)
            return false;
        (race.Current, race.Deadline, race.MessageId) = (round, deadline, null);
        return true;
    });

    public void SetMessage(string raceId, int round, string messageId) => Change(raceId, race =>
    {
        if (race.Current != round)
            return false;
        race.MessageId = messageId;
        return true;
    });

    public bool RequestStop(string raceId, string userName) => Change(raceId, race =>
    {
        if (race.Finished)
            return false;
        race.StopRequested = true;
        race.StoppedBy ??= userName;
        return true;
    });

    public bool Finish(string raceId) => Change(raceId, race => !race.Finished && (race.Finished = true));

    /// <summary>Reads the race, lets <paramref name="change"/> decide, and writes it back when it changed, as one step.</summary>
    private bool Change(string id, Func<RaceRecord, bool> change)
    {
        _database.EnsureWritable();
        lock (_database.WriteLock)
        {
            if (Races.FindById(id) is not { } race || !change(race))
                return false;
            Races.Update(race);
            return true;
        }
    }
}

/// <summary>Which process runs a race, and until when (see <see cref="IRaceStore.Claim"/>).</summary>
internal sealed class RaceLease
{
    public string Id { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTimeOffset Until { get; set; }
}

/// <summary>An answer as LiteDB keeps it: its id is race, round and member, so a second insert of the same one fails.</summary>
internal sealed class RaceAnswerDocument
{
    public string Id { get; set; } = "";
    public string RaceId { get; set; } = "";
    public int Round { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public int Option { get; set; }
    public bool Correct { get; set; }
    public DateTimeOffset At { get; set; }
    public long Seq { get; set; }

    public static string IdOf(string raceId, int round, string userId) => $"{raceId}|{round}|{userId}";

    public static RaceAnswerDocument Of(string id, RaceAnswer a) => new()
    {
        Id = id,
        RaceId = a.RaceId,
        Round = a.Round,
        UserId = a.UserId,
        UserName = a.UserName,
        Option = a.Option,
        Correct = a.Correct,
        At = a.At,
        Seq = a.Seq,
    };

    public RaceAnswer ToAnswer() => new(RaceId, Round, UserId, UserName, Option, Correct, At) { Seq = Seq };
}
