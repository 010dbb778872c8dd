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
    private readonly ConcurrentDictionary<string, Held> _guilds = new(StringComparer.Ordinal);
    private readonly WordLibrary _shippedOnly = new(null, shipped);
    private long _uses;
    private int _held; // how many held libraries have words of their own: ConcurrentDictionary.Count takes every lock

    /// <summary>The shipped articles alone: what direct messages use.</summary>
    public WordLibrary Shipped => _shippedOnly;

    /// <summary>The library of a server, or the shipped one for a direct message (no server).</summary>
    public WordLibrary For(string? guildId)
    {
        if (guildId is null)
            return _shippedOnly;
        var held = _guilds.GetOrAdd(guildId, static (id, self) => new Held(() => self.Load(id)), this);
        var library = held.Library;
        if (library.HasOwn)
            Used(guildId, held);
        return library;
    }

    /// <summary>How many servers' own libraries are held now.</summary>
    public int LoadedOwn => Volatile.Read(ref _held);

    // At every call in a server with words of its own, so it writes only to what that server holds: its place in the
    // use order, and at its first use the count of libraries held (an autocomplete keystroke is a few microseconds).
    private void Used(string guildId, Held held)
    {
        held.LastUse = Interlocked.Increment(ref _uses);
        if (Volatile.Read(ref held.Counted) == 1 || Interlocked.Exchange(ref held.Counted, 1) == 1)
            return;
        var count = Interlocked.Increment(ref _held);
        if (!_guilds.TryGetValue(guildId, out var current) || current != held)
        {
            Uncount(held); // dropped meanwhile (Forget): it is not held
            return;
        }

        if (count <= options.Value.MaxLoadedServers)
            return;
        // Over the cap (rare: once per newly loaded server beyond it): drop the least recently used.
        var oldest = _guilds.Where(g => Volatile.Read(ref g.Value.Counted) == 1).MinBy(g => g.Value.LastUse);
        if (oldest.Value is not null && _guilds.TryRemove(oldest))
            Uncount(oldest.Value);
    }

    private void Uncount(Held held)
    {
        if (Interlocked.Exchange(ref held.Counted, 0) == 1)
            Interlocked.Decrement(ref _held);
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
        if (_guilds.TryRemove(guildId, out var held))
            Uncount(held);
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

    /// <summary>A server's library, read at its first use, and where it stands in the use order.</summary>
    private sealed class Held(Func<WordLibrary> load)
    {
        // PublicationOnly: a store that failed once is asked again next time, not remembered as failing.
        private readonly Lazy<WordLibrary> _library = new(load, LazyThreadSafetyMode.PublicationOnly);

        public WordLibrary Library => _library.Value;

        /// <summary>The use count at its latest use: the least recently used is dropped first.</summary>
        public long LastUse;

        /// <summary>1 while it counts among the libraries of their own held (<see cref="LoadedOwn"/>).</summary>
        public int Counted;
    }
}
