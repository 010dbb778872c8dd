using System.Text.RegularExpressions;
using VocabBot.Content;

namespace VocabBot.Learning.Quiz;

/// <summary>Blanks a headword (in whatever inflected form it takes) out of its example sentence.</summary>
internal static partial class Cloze
{
    public const string Blank = "_____";

    [GeneratedRegex(@"[\p{L}\p{N}'’-]+")]
    private static partial Regex WordPattern();

    /// <summary>The sentence with the word blanked, or null when the sentence does not contain it.</summary>
    public static string? Make(string sentence, string headword) => Find(sentence, headword)?.Blanked;

    /// <summary>The sentence with the word blanked and the words it blanked ("strengthens"), or null when the sentence does not contain it.</summary>
    public static (string Blanked, string Used)? Find(string sentence, string headword)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var length = Inflections.Tokens(headword).Length;
        if (length == 0)
            return null;
        var words = WordPattern().Matches(sentence);
        for (var start = 0; start + length <= words.Count; start++)
        {
            var first = words[start];
            var last = words[start + length - 1];
            var span = sentence[first.Index..(last.Index + last.Length)];
            if (Inflections.Matches(headword, span))
                return (string.Concat(sentence.AsSpan(0, first.Index), Blank, sentence.AsSpan(last.Index + last.Length)), span);
        }

        return null;
    }
}
