using DiffPlex;
using VocabBot.Content;

namespace VocabBot.Learning.Summary;

/// <summary>One sentence of the learner's summary and what the correction made of it, numbered from 1.</summary>
internal sealed record SentencePair(int Number, string Learner, string Corrected)
{
    public WordDiff Diff() => WordDiff.Of(Learner, Corrected);
}

/// <summary>
/// Lines a summary's sentences up with the corrected ones. DiffPlex matches the sentences the correction left alone;
/// between them, as many learner sentences as corrected ones pair one to one, and otherwise (two joined into one, one
/// split in two) the whole stretch is one pair, so every word of both texts is shown once.
/// </summary>
internal static class SentencePairs
{
    private static readonly SentenceChunker Chunker = new();

    public static IReadOnlyList<SentencePair> Of(string learner, string corrected)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(corrected);
        var result = Differ.Instance.CreateDiffs(learner, corrected, ignoreWhiteSpace: true, ignoreCase: false, Chunker);
        var (before, after) = (result.PiecesOld.ToArray(), result.PiecesNew.ToArray());
        var pairs = new List<(string Learner, string Corrected)>();
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            pairs.AddRange(after[b..block.InsertStartB].Select(s => (s, s)));
            var removed = before[block.DeleteStartA..(block.DeleteStartA + block.DeleteCountA)];
            var added = after[block.InsertStartB..(block.InsertStartB + block.InsertCountB)];
            if (removed.Length == added.Length)
                pairs.AddRange(removed.Zip(added));
            else
                pairs.Add((string.Join(' ', removed), string.Join(' ', added)));
            b = block.InsertStartB + block.InsertCountB;
        }

        pairs.AddRange(after[b..].Select(s => (s, s)));
        return [.. pairs.Select((p, i) => new SentencePair(i + 1, p.Learner, p.Corrected))];
    }

    private sealed class SentenceChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => [.. Sentences.Split(text)];
    }
}
