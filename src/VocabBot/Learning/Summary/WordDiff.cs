using System.Text;
using System.Text.RegularExpressions;
using DiffPlex;
using VocabBot.Chat;

namespace VocabBot.Learning.Summary;

/// <summary>
/// A learner's sentence against its correction, word by word, as DiffPlex finds it: runs of words both share, and
/// changes (words removed, words added, or both where a correction replaced some). Punctuation counts as a word,
/// so a comma the correction added is one small change, not a changed word.
/// </summary>
internal sealed partial class WordDiff
{
    private static readonly WordChunker Chunker = new();

    private WordDiff(IReadOnlyList<DiffPart> parts) => Parts = parts;

    /// <summary>The shared runs and the changes, in order; each part's text keeps the spaces before its words.</summary>
    public IReadOnlyList<DiffPart> Parts { get; }

    public int Changes => Parts.Count(p => p.IsChange);

    public static WordDiff Of(string learner, string corrected)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(corrected);
        // Spaces are kept on the words (so the texts can be put back together) but not compared.
        var result = Differ.Instance.CreateDiffs(learner, corrected, ignoreWhiteSpace: true, ignoreCase: false, Chunker);
        var (oldWords, newWords) = (result.PiecesOld.ToArray(), result.PiecesNew.ToArray());
        var parts = new List<DiffPart>();
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            if (block.InsertStartB > b)
                parts.Add(DiffPart.Same(string.Concat(newWords[b..block.InsertStartB])));
            parts.Add(DiffPart.Change(
                string.Concat(oldWords[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)]),
                string.Concat(newWords[block.InsertStartB..(block.InsertStartB + block.InsertCountB)])));
            b = block.InsertStartB + block.InsertCountB;
        }

        if (b < newWords.Length)
            parts.Add(DiffPart.Same(string.Concat(newWords[b..])));
        return new WordDiff(parts);
    }

    /// <summary>The learner's sentence with only the changes whose numbers (0-based, in order) are in <paramref name="applied"/>.</summary>
    public string Apply(Func<int, bool> applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        var text = new StringBuilder();
        var change = 0;
        foreach (var part in Parts)
            text.Append(part.IsChange && !applied(change++) ? part.Removed : part.Added);
        return Spaces().Replace(text.ToString(), " ").Trim();
    }

    public string Learner => Apply(_ => false);

    public string Corrected => Apply(_ => true);

    /// <summary>
    /// The corrected sentence with removed words ~~struck~~ and added ones in **bold**, all text escaped; where that
    /// is longer than <paramref name="maxLength"/>, as many whole words and changes as fit, then " …".
    /// </summary>
    public string Markup(int maxLength = int.MaxValue)
    {
        var shown = Parts.Select(Markup).ToList();
        if (shown.Sum(s => s.Length) <= maxLength)
            return string.Concat(shown).Trim();
        var budget = maxLength - 2;
        var text = new StringBuilder();
        for (var i = 0; i < Parts.Count; i++)
        {
            if (text.Length + shown[i].Length <= budget)
            {
                text.Append(shown[i]);
                continue;
            }

            // A long shared run is cut between its words, not left out whole.
            if (!Parts[i].IsChange)
                AppendWords(text, Parts[i].Added, budget);
            break;
        }

        return text.ToString().Trim() + " …";
    }

    private static string Markup(DiffPart part)
    {
        if (!part.IsChange)
            return ChatMarkup.Escape(part.Added);
        var (removed, added) = (part.Removed.Trim(), part.Added.Trim());
        var text = new StringBuilder(LeadingSpace(removed.Length > 0 ? part.Removed : part.Added));
        if (removed.Length > 0)
            text.Append(ChatMarkup.Removed(ChatMarkup.Escape(Collapse(removed))));
        // "~~Due to~~ **Since**": words need a space between; a comma that replaced a full stop does not.
        if (removed.Length > 0 && added.Length > 0 && char.IsLetterOrDigit(added[0]))
            text.Append(' ');
        if (added.Length > 0)
            text.Append(ChatMarkup.Added(ChatMarkup.Escape(Collapse(added))));
        return text.ToString();
    }

    private static void AppendWords(StringBuilder text, string run, int budget)
    {
        var space = LeadingSpace(run);
        foreach (var word in Spaces().Split(run.Trim()).Select(ChatMarkup.Escape))
        {
            if (text.Length + space.Length + word.Length > budget)
                return;
            text.Append(space).Append(word);
            space = " ";
        }
    }

    private static string LeadingSpace(string text) => text.Length > 0 && char.IsWhiteSpace(text[0]) ? " " : "";

    private static string Collapse(string text) => Spaces().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Words (with inner apostrophes and hyphens: didn't, chip-making) and single marks, each with the spaces before it.</summary>
    private sealed partial class WordChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => [.. Word().Matches(text).Select(m => m.Value)];

        [GeneratedRegex(@"\s*(?:[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|\S)")]
        private static partial Regex Word();
    }
}

/// <summary>A change, what went and what came (either may be empty), or a run both sentences share (both the same).</summary>
internal sealed record DiffPart(string Removed, string Added, bool IsChange)
{
    public static DiffPart Same(string text) => new(text, text, false);

    public static DiffPart Change(string removed, string added) => new(removed, added, true);
}
