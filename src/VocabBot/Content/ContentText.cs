using System.Globalization;
using System.Resources;

namespace VocabBot.Content;

/// <summary>
/// The resources (ContentText.resx, ContentText.zh-TW.resx) of what the article parser says about a file: English in
/// `check`, the import log and <see cref="Diagnostic.Message"/>; the reader's language in /article add.
/// </summary>
internal sealed class ContentText
{
    // The same embedded resource the localizer factory finds for this class (namespace and class name).
    private static readonly ResourceManager Resources = new(typeof(ContentText).FullName!, typeof(ContentText).Assembly);

    /// <summary>The English text of <paramref name="key"/> with its arguments filled in.</summary>
    public static string English(string key, IReadOnlyList<object> arguments) =>
        string.Format(CultureInfo.InvariantCulture,
            Resources.GetString(key, CultureInfo.InvariantCulture) ?? throw new ArgumentException($"no content text '{key}'", nameof(key)),
            [.. arguments]);
}
