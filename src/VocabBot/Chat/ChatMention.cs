namespace VocabBot.Chat;

/// <summary>
/// How a reply names a channel: Discord shows &lt;#id&gt; as a link to it (a channel mention pings nobody),
/// and the console prints it as #id.
/// </summary>
internal static class ChatMention
{
    public static string Channel(string channelId) => $"<#{channelId}>";
}
