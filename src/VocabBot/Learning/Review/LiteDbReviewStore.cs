using System.Collections.Concurrent;
using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Learning.Review;

/// <summary>
/// Review memory in the LiteDB file, in the "memory" collection and the document shape (<see cref="MemoryState"/>)
/// earlier versions wrote. LiteDB has no index on a member and a due time together and counts by loading documents
/// (80 ms for 5,000), so each member's queues are kept in memory once read (<see cref="MemberQueues"/>), and
/// updated with each write; one process owns the file, so nothing else changes them. They are read again when the
/// database's <see cref="VocabDatabase.CacheVersion"/> changes (a failed write or a rollback).
/// </summary>
internal sealed class LiteDbReviewStore : IReviewStore
{
    private readonly ConcurrentDictionary<string, MemberQueues> _members = new(StringComparer.Ordinal);
    // Held while a member is read and while a write updates what was read, so that a write made during the read is
    // never left out: it is either in what the read saw, or applied after it.
    private readonly Lock _reading = new();
    private readonly VocabDatabase _database;

    public LiteDbReviewStore(VocabDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        States.EnsureIndex(s => s.UserId);
    }

    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<MemoryState> States => _database.Collection<MemoryState>("memory");

    /// <summary>Every member's memory of every word, for migrate-store.</summary>
    public IEnumerable<MemoryState> All() => States.FindAll();

    public MemoryState? Find(string userId, string wordKey) => States.FindById(MemoryState.IdFor(userId, wordKey));

    public void Save(MemoryState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _database.EnsureWritable();
        States.Upsert(state);
        // Only a member already read: one not read yet is read with this write in it.
        lock (_reading)
        {
            if (_members.TryGetValue(state.UserId, out var member) && member.Version == _database.CacheVersion)
                member.Set(ReviewEntry.Of(state));
        }
    }

    public IReadOnlyList<ReviewEntry> Among(string userId, IReadOnlyCollection<string> wordKeys)
    {
        ArgumentNullException.ThrowIfNull(wordKeys);
        return Member(userId).Among(wordKeys);
    }

    public IReadOnlyList<ReviewEntry> Queue(string userId, ReviewQueue queue, DateTimeOffset now, int skip, int take) =>
        Member(userId).Queue(queue, now, skip, take);

    public ReviewSummary Summary(string userId, DateTimeOffset now) => Member(userId).Summary(now);

    private MemberQueues Member(string userId)
    {
        if (_members.TryGetValue(userId, out var member) && member.Version == _database.CacheVersion)
            return member;
        lock (_reading)
        {
            var version = _database.CacheVersion;
            if (_members.TryGetValue(userId, out member) && member.Version == version)
                return member;
            member = new MemberQueues(version);
            foreach (var state in States.Find(s => s.UserId == userId))
                member.Set(ReviewEntry.Of(state));
            return _members[userId] = member;
        }
    }
}
