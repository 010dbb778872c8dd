using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VocabBot.Library;

/// <summary>
/// Each server's <see cref="WordLibrary"/>, read from the store at its first use and kept until that server's library
/// changes. A server without articles of its own shares the one shipped library (or the empty one), so memory
/// follows the words the servers added, not the number of servers; and at most Library:MaxLoadedServers libraries
/// of their own are held (about 350 KB each for 300 words), the least recently used dropped first and read again
/// at their next use.
/// </summary>
internal sealed class ServerLibraries(ILibraryStore store, ShippedWords shipped, IOptions<LibraryOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<WordLibrary>> _guilds = new(StringComparer.Ordinal);
    private readonly WordLibrary _shippedOnly = new(null, shipped);
    private readonly ConcurrentDictionary<string, long> _ownUsed = new(StringComparer.Ordinal);
    private long _uses;
    private int _held; // _ownUsed's count: ConcurrentDictionary.Count takes every lock, which cost each server's autocomplete 9 µs

    /// <summary>The shipped articles alone: what direct messages use.</summary>
    public WordLibrary Shipped => _shippedOnly;

    /// <summary>The library of a server, or the shipped one for a direct message (no server).</summary>
    public WordLibrary For(string? guildId)
    {
        if (guildId is null)
            return _shippedOnly;
        // PublicationOnly: a store that failed once is asked again next time, not remembered as failing.
        var library = _guilds.GetOrAdd(guildId, id => new Lazy<WordLibrary>(() => Load(id), LazyThreadSafetyMode.PublicationOnly)).Value;
        if (library.HasOwn)
            Used(guildId);
        return library;
    }

    /// <summary>How many servers' own libraries are held now.</summary>
    public int LoadedOwn => Volatile.Read(ref _held);

    private void Used(string guildId)
    {
        var use = Interlocked.Increment(ref _uses);
        if (!_ownUsed.TryAdd(guildId, use))
        {
            _ownUsed[guildId] = use;
            return;
        }

        if (Interlocked.Increment(ref _held) <= options.Value.MaxLoadedServers)
            return;
        // Over the cap (rare: once per newly loaded server beyond it): drop the least recently used.
        var oldest = _ownUsed.MinBy(u => u.Value).Key;
        if (_ownUsed.TryRemove(oldest, out _))
        {
            Interlocked.Decrement(ref _held);
            _guilds.TryRemove(oldest, out _);
        }
    }

    /// <summary>A server's own articles, whole, as stored.</summary>
    public IReadOnlyList<ServerArticle> OwnArticles(string guildId) => store.InGuild(guildId);

    public bool ShippedOn(string guildId) => store.ShippedOn(guildId);

    public LibrarySaved Save(ServerArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var saved = store.Save(article, options.Value.Limits);
        if (saved is LibrarySaved.Added or LibrarySaved.Replaced)
            Forget(article.GuildId);
        return saved;
    }

    public bool Remove(string guildId, string name)
    {
        var removed = store.Remove(guildId, name);
        Forget(guildId);
        return removed;
    }

    public void SetShipped(string guildId, bool on)
    {
        store.SetShipped(guildId, on);
        Forget(guildId);
    }

    /// <summary>Drops what is held for a server, so that its next use reads the store again.</summary>
    public void Forget(string guildId)
    {
        _guilds.TryRemove(guildId, out _);
        if (_ownUsed.TryRemove(guildId, out _))
            Interlocked.Decrement(ref _held);
    }

    /// <summary>Drops what is held for every server: after changes made elsewhere may have gone unheard.</summary>
    public void ForgetAll()
    {
        foreach (var guildId in _guilds.Keys)
            Forget(guildId);
    }

    private WordLibrary Load(string guildId)
    {
        var articles = store.InGuild(guildId);
        var shippedOn = store.ShippedOn(guildId);
        if (articles.Count == 0)
            return shippedOn ? _shippedOnly : WordLibrary.Empty;
        return new WordLibrary(new OwnWords(articles), shippedOn ? shipped : null);
    }
}
