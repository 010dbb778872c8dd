namespace VocabBot.Chat;

/// <summary>
/// How much one reply can hold. These are Discord's limits, the tightest of the transports: a feature that may have
/// more to say (a long summary) chooses what to leave out and says so, rather than have the transport cut it off.
/// </summary>
internal static class ChatLimits
{
    public const int Text = 2000;
    public const int CardTitle = 256;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;

    /// <summary>A card's title, description, field names and values and footer, all together.</summary>
    public const int CardTotal = 6000;

    public const int ButtonLabel = 80;
}
