using System.ComponentModel.DataAnnotations;

namespace VocabBot.Content;

internal sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The folder of study articles; relative paths are taken from the content root.</summary>
    [Required]
    public string Directory { get; set; } = "content";

    /// <summary>Whether edits to the folder are imported while the bot runs.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must be quiet before an edit is imported (editors save in bursts).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WatchDebounce { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The folder as a full path, a relative one taken from <paramref name="contentRoot"/>.</summary>
    public string FullDirectory(string contentRoot) => Path.GetFullPath(Directory, contentRoot);
}
