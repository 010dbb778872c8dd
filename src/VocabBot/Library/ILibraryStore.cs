namespace VocabBot.Library;

/// <summary>The articles each server added, and whether it uses the shipped ones; LiteDB or PostgreSQL.</summary>
internal interface ILibraryStore
{
    /// <summary>
    /// Stores the article in its server, replacing the one of the same name, unless that would take the server over
    /// a limit; all or nothing, and two saves in one server at the same moment (in two processes) are counted one after the other.
    /// </summary>
    LibrarySaved Save(ServerArticle article, LibraryLimits limits);

    /// <summary>Removes a server's article; false when it had none of that name.</summary>
    bool Remove(string guildId, string name);

    /// <summary>A server's own articles, whole.</summary>
    IReadOnlyList<ServerArticle> InGuild(string guildId);

    /// <summary>Whether the server uses the shipped articles: on unless it turned them off.</summary>
    bool ShippedOn(string guildId);

    void SetShipped(string guildId, bool on);
}

internal enum LibrarySaved { Added, Replaced, TooManyArticles, TooManyWords }

/// <summary>The most a server may hold.</summary>
internal readonly record struct LibraryLimits(int MaxArticles, int MaxWords);
