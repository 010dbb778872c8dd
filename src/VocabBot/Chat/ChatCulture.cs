using System.Globalization;

namespace VocabBot.Chat;

/// <summary>The culture a reply is written in: Traditional Chinese for zh-TW, English for every other locale.</summary>
internal static class ChatCulture
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly CultureInfo TraditionalChinese = CultureInfo.GetCultureInfo(ChatLocale.TraditionalChinese);

    public static CultureInfo For(string? locale) =>
        string.Equals(locale, ChatLocale.TraditionalChinese, StringComparison.OrdinalIgnoreCase) ? TraditionalChinese : English;

    /// <summary>
    /// Makes <paramref name="locale"/>'s culture the UI culture of the calling async method's flow. Called at the start of an
    /// async method, the change ends with it: the culture flows in the execution context, which the caller gets back.
    /// </summary>
    public static void Use(string? locale) => CultureInfo.CurrentUICulture = For(locale);

    /// <summary>What <paramref name="read"/> returns with <paramref name="culture"/> as the UI culture, which is restored after.</summary>
    public static T In<T>(CultureInfo culture, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
