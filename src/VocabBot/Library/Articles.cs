namespace VocabBot.Library;

/// <summary>Finds the article a user typed (for the article option of /quiz, /summary and /article): by file, file without extension, or title.</summary>
internal static class Articles
{
    public static LibraryArticle? Find(IReadOnlyList<LibraryArticle> articles, string typed)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var term = typed.Trim();
        var exact = articles.FirstOrDefault(a =>
            string.Equals(a.Id, term, StringComparison.OrdinalIgnoreCase)
            || string.Equals(Path.ChangeExtension(a.Id, null), term, StringComparison.OrdinalIgnoreCase)
            || string.Equals(a.Title, term, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
            return exact;
        var partial = Matching(articles, term).Take(2).ToList();
        return partial.Count == 1 ? partial[0] : null;
    }

    /// <summary>The newest article: the latest date, then the latest added; null when there are none.</summary>
    public static LibraryArticle? Newest(IReadOnlyList<LibraryArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return articles.OrderByDescending(a => a.Date, StringComparer.Ordinal).ThenByDescending(a => a.AddedAt).ThenBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>Article files whose file or title contains the typed text, for autocomplete.</summary>
    public static IReadOnlyList<string> Complete(IReadOnlyList<LibraryArticle> articles, string? typed, int limit) =>
        Matching(articles, typed?.Trim() ?? "").Select(a => a.Id).Distinct(StringComparer.Ordinal).Take(limit).ToList();

    private static IEnumerable<LibraryArticle> Matching(IEnumerable<LibraryArticle> articles, string term) =>
        articles.Where(a => a.Id.Contains(term, StringComparison.OrdinalIgnoreCase) || a.Title.Contains(term, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(a => a.Date, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal);
}
