using System.ComponentModel.DataAnnotations;

namespace VocabBot.Library;

/// <summary>How much a server may add to its library from Discord, and how fast.</summary>
internal sealed class LibraryOptions
{
    public const string Section = "Library";

    [Range(1, 100_000)]
    public int MaxArticlesPerServer { get; set; } = 500;

    [Range(1, 10_000_000)]
    public int MaxWordsPerServer { get; set; } = 20_000;

    /// <summary>How many servers' own libraries are held in memory at most; the least recently used is read again from the store.</summary>
    [Range(1, 1_000_000)]
    public int MaxLoadedServers { get; set; } = 500;

    /// <summary>Uploads a server may make in any one minute.</summary>
    [Range(1, 1000)]
    public int UploadsPerMinute { get; set; } = 10;

    /// <summary>The largest note file /article add takes.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 256 * 1024;

    public LibraryLimits Limits => new(MaxArticlesPerServer, MaxWordsPerServer);
}
