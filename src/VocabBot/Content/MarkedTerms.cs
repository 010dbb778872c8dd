using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace VocabBot.Content;

/// <summary>A term the learner marked with backticks, the sentence it stands in, and its 1-based line.</summary>
internal sealed record MarkedTerm(string Text, string Sentence, int Line);

/// <summary>Collects the `marked` terms of the article body, each with its sentence as plain text.</summary>
internal static class MarkedTerms
{
    public static List<MarkedTerm> Collect(MarkdownDocument document)
    {
        var marks = new List<MarkedTerm>();
        foreach (var paragraph in document.Descendants<ParagraphBlock>())
        {
            if (paragraph.Inline is null || IsInside<CustomContainer>(paragraph) || IsInside<Table>(paragraph))
                continue;
            var text = new StringBuilder();
            var spans = new List<(int Start, CodeInline Code)>();
            Flatten(paragraph.Inline, text, spans);
            var plain = text.ToString();
            foreach (var (start, code) in spans)
            {
                var term = code.Content.Trim();
                if (term.Length > 0)
                    marks.Add(new MarkedTerm(term, Sentences.Around(plain, start), code.Line + 1));
            }
        }

        return marks;
    }

    /// <summary>Plain text of a run of inlines, for table cells and sentences alike.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
            return "";
        var text = new StringBuilder();
        Flatten(inline, text, []);
        return text.ToString().Trim();
    }

    private static void Flatten(ContainerInline container, StringBuilder text, List<(int, CodeInline)> spans)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case CodeInline code:
                    spans.Add((text.Length, code));
                    text.Append(code.Content);
                    break;
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case ContainerInline nested:
                    Flatten(nested, text, spans);
                    break;
            }
        }
    }

    private static bool IsInside<T>(Block block) where T : Block
    {
        for (var parent = block.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is T)
                return true;
        }

        return false;
    }
}
