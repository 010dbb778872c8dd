namespace VocabBot.Library;

/// <summary>The resources (LibraryText.resx, LibraryText.zh-TW.resx) of /article and /articles.</summary>
internal sealed class LibraryText;
