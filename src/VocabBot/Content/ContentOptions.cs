using System.ComponentModel.DataAnnotations;

namespace VocabBot.Content;

internal sealed class ContentOptions
{
    public const string Section = "Content";

    public const int DefaultMaxFileBytes = 1024 * 1024;

    public static readonly TimeSpan DefaultParseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The folder of study articles; relative paths are taken from the content root.</summary>
    [Required]
    public string Directory { get; set; } = "content";

    /// <summary>Whether edits to the folder are imported while the bot runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must be quiet before an edit is imported (editors save in bursts).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A file larger than this is refused before it is read.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>How long parsing one file may take before it is given up as an error; Markdig is slow on some hostile inputs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ParseTimeout { get; set; } = DefaultParseTimeout;

    /// <summary>The folder as a full path, a relative one taken from <paramref name="contentRoot"/>.</summary>
    public string FullDirectory(string contentRoot) => Path.GetFullPath(Directory, contentRoot);
}
