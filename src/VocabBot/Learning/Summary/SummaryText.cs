namespace VocabBot.Learning.Summary;

/// <summary>The resources (SummaryText.resx, SummaryText.zh-TW.resx) of /summary.</summary>
internal sealed class SummaryText;
