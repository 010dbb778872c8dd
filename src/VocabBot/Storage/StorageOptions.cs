namespace VocabBot.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are taken from the content root.</summary>
    public string DatabasePath { get; set; } = "data/vocabbot.db";
}
