using VocabBot.Content;

namespace VocabBot.Learning.Quiz;

/// <summary>Finds the article a user typed for /quiz's article option: by file, file without extension, or title.</summary>
internal static class Articles
{
    public static ArticleDocument? Find(Vocabulary vocabulary, string typed)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var term = typed.Trim();
        var articles = vocabulary.Articles().ToList();
        var exact = articles.FirstOrDefault(a =>
            string.Equals(a.Id, term, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.ChangeExtension(a.Id, null), term, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Title, term, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
            return exact;
        var partial = Matching(articles, term).Take(2).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>Article files whose file or title contains the typed text, for autocomplete.</summary>
    public static IReadOnlyList<string> Complete(Vocabulary vocabulary, string? typed, int limit) =>
        Matching(vocabulary.Articles(), typed?.Trim() ?? "").Select(a => a.Id).Take(limit).ToList();

    private static IEnumerable<ArticleDocument> Matching(IEnumerable<ArticleDocument> articles, string term) =>
        articles.Where(a => a.Id.Contains(term, StringComparison.OrdinalIgnoreCase) || a.Title.Contains(term, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal);
}
