using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;

namespace VocabBot.Content;

/// <summary>Reads the :::summary container: the learner's summary, then after a 修正： line the corrected one.</summary>
internal static class SummaryBlock
{
    private static readonly string[] CorrectionMarkers = ["修正：", "修正:", "correction:", "correction："];

    public static ArticleSummary? Read(MarkdownDocument document, string source)
    {
        var container = document.Descendants<CustomContainer>()
            .FirstOrDefault(c => string.Equals(c.Info, "summary", StringComparison.OrdinalIgnoreCase));
        if (container is null)
            return null;

        // The container's own lines, less its opening and closing ::: fences.
        var lines = source.Substring(container.Span.Start, container.Span.Length).Split('\n');
        var body = lines.Skip(1).Take(container.IsOpen || !lines[^1].TrimStart().StartsWith(":::", StringComparison.Ordinal) ? lines.Length - 1 : lines.Length - 2);
        var original = new List<string>();
        List<string>? corrected = null;
        foreach (var line in body)
        {
            var text = line.Trim();
            var marker = CorrectionMarkers.FirstOrDefault(m => text.StartsWith(m, StringComparison.OrdinalIgnoreCase));
            if (marker is not null && corrected is null)
            {
                corrected = [];
                text = text[marker.Length..].Trim();
            }

            if (text.Length > 0)
                (corrected ?? original).Add(text);
        }

        var originalText = string.Join('\n', original);
        var correctedText = corrected is { Count: > 0 } ? string.Join('\n', corrected) : null;
        return originalText.Length == 0 && correctedText is null ? null : new ArticleSummary(originalText, correctedText);
    }
}
