using System.Text;

namespace VocabBot.Benchmarks;

/// <summary>
/// A deterministic corpus in the study-article format: the same seed always writes the same files,
/// so figures from different runs compare. Every headword is unique across the corpus.
/// </summary>
public static class Corpus
{
    private static readonly string[] Syllables =
        ["ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "ri", "so", "tu", "va", "we", "xi", "yo", "zu", "bra", "cle", "dri", "flo", "gru"];

    private static readonly string[] Poses = ["n.", "v.", "adj.", "adv.", "phr."];

    /// <summary>The first <paramref name="count"/> headwords: syllables, then <paramref name="suffix"/> ("bament", "cement", ...).</summary>
    public static IReadOnlyList<string> Headwords(int count, string suffix = "ment")
    {
        var words = new List<string>(count);
        for (var i = 0; words.Count < count; i++)
        {
            var n = i;
            var word = new StringBuilder();
            do
            {
                word.Append(Syllables[n % Syllables.Length]);
                n /= Syllables.Length;
            }
            while (n > 0);
            word.Append(suffix);
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Writes <paramref name="articles"/> files of <paramref name="wordsPerArticle"/> words each into a folder.</summary>
    public const int WordsPerArticle = 40;

    public static void Write(string folder, int articles = 1000, int wordsPerArticle = WordsPerArticle, int seed = 1)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var words = Headwords(articles * wordsPerArticle);
        for (var a = 0; a < articles; a++)
        {
            var slice = words.Skip(a * wordsPerArticle).Take(wordsPerArticle).ToList();
            File.WriteAllText(Path.Combine(folder, $"{a:D4}_article.md"), Article(a, slice, random));
        }
    }

    /// <summary>
    /// The corpus in FOLDER/content, and FOLDER/commands.txt for the console: 2,000 /define of random
    /// headwords (every fifth inflected) with a /quiz 20 after every 20th, as the memory mode sends.
    /// </summary>
    public static void WriteWithScript(string folder)
    {
        Write(Path.Combine(folder, "content"));
        var words = Headwords(1000 * WordsPerArticle);
        var random = new Random(3);
        var lines = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            var word = words[random.Next(words.Count)];
            lines.Add($"/define {(i % 5 == 4 ? word + "s" : word)}");
            if (i % 20 == 0)
                lines.Add("/quiz 20");
        }

        lines.Add("/quit");
        File.WriteAllLines(Path.Combine(folder, "commands.txt"), lines);
    }

    /// <summary>One article's Markdown: front matter, a paragraph per 5 marked words, a summary and the vocabulary table.</summary>
    internal static string Article(int index, IReadOnlyList<string> words, Random random)
    {
        var text = new StringBuilder();
        text.Append($"---\ndate: 2025/{1 + index % 12:D2}/{1 + index % 28:D2}\ntitle: Generated article {index}\nlink: https://example.com/{index}\n---\n\n");
        for (var i = 0; i < words.Count; i++)
        {
            var marked = random.Next(3) == 0 ? words[i] + "s" : words[i];
            text.Append($"The committee discussed the `{marked}` at length during meeting {i}. ");
            if (i % 5 == 4)
                text.Append("\n\n");
        }

        text.Append("\n\n:::summary\nA summary of the article.\n修正：\nA corrected summary of the article.\n:::\n\n");
        text.Append("| 單字 | 音標 | 詞性 | 中文 | 例句 |\n|------|------|------|------|------|\n");
        foreach (var word in words)
            text.Append($"| {word} | /{word}/ | {Poses[random.Next(Poses.Length)]} | 意思{random.Next(1000)}；解釋{random.Next(1000)} | The {word} was discussed. |\n");
        return text.ToString();
    }
}
