using System.Globalization;
using Microsoft.Extensions.Localization;

namespace VocabBot.Chat;

/// <summary>
/// Command, subcommand and option texts read from a feature's resources: "{key}Description" in English is the
/// description, "{key}Name" and "{key}Description" in zh-TW its localization. Definitions are built once, so each
/// language is read explicitly rather than in whatever culture the builder runs in.
/// </summary>
internal static class CommandText
{
    public static string Description(IStringLocalizer text, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ChatCulture.In(ChatCulture.English, () => text[key + "Description", arguments].Value);
    }

    public static IReadOnlyDictionary<string, CommandLocalization> Localized(IStringLocalizer text, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chinese = ChatCulture.In(ChatCulture.TraditionalChinese,
            () => new CommandLocalization(text[key + "Name"], text[key + "Description", arguments]));
        return new Dictionary<string, CommandLocalization>(StringComparer.Ordinal) { [ChatLocale.TraditionalChinese] = chinese };
    }

    /// <summary>An option read from resources: <paramref name="option"/>'s English description and its zh-TW name and description.</summary>
    public static CommandOption Option(IStringLocalizer text, CommandOption option, string key, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option with { Description = Description(text, key, arguments), Localizations = Localized(text, key, arguments) };
    }

    /// <summary>The description in the current UI culture's language, English when there is none for it.</summary>
    public static string Describe(string english, IReadOnlyDictionary<string, CommandLocalization> localizations)
    {
        ArgumentNullException.ThrowIfNull(localizations);
        return localizations.TryGetValue(CultureInfo.CurrentUICulture.Name, out var localized) ? localized.Description : english;
    }
}
