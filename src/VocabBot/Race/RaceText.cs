namespace VocabBot.Race;

/// <summary>The resources (RaceText.resx, RaceText.zh-TW.resx) of what a race says: its command, its posts and its replies.</summary>
internal sealed class RaceText;
