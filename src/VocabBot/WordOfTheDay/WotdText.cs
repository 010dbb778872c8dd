namespace VocabBot.WordOfTheDay;

/// <summary>The resources (WotdText.resx, WotdText.zh-TW.resx) of the word-of-the-day card, /wotd and /wotd-setup.</summary>
internal sealed class WotdText;
