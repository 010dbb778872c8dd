using System.Text;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace VocabBot.Content;

/// <summary>A term the learner marked with backticks, its 1-based line, and the sentence it stands in.</summary>
internal sealed class MarkedTerm(string text, int line, Sentences paragraph, int position)
{
    public string Text { get; } = text;

    public int Line { get; } = line;

    /// <summary>Worked out when asked: only the marks a row links to need theirs.</summary>
    public string Sentence => paragraph.Around(position);
}

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
            var sentences = new Sentences(text.ToString());
            foreach (var (start, code) in spans)
            {
                var term = code.Content.Trim();
                if (term.Length > 0)
                    marks.Add(new MarkedTerm(term, code.Line + 1, sentences, start));
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

    // Depth first without recursion: Markdig nests inlines up to 10,240 deep, more than a thread's stack holds frames for.
    private static void Flatten(ContainerInline container, StringBuilder text, List<(int, CodeInline)> spans)
    {
        var pending = new Stack<Inline>();
        PushChildren(container, pending);
        while (pending.TryPop(out var inline))
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
                    PushChildren(nested, pending);
                    break;
            }
        }
    }

    private static void PushChildren(ContainerInline container, Stack<Inline> pending)
    {
        for (var child = container.LastChild; child is not null; child = child.PreviousSibling)
            pending.Push(child);
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
