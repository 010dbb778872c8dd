using VocabBot.Content;

namespace VocabBot.Library;

/// <summary>
/// An article a server added from Discord, as stored: the parsed note with its words, whole, so that a server's
/// library is read in one go and never needs the file again. Its name is the uploaded file's name, unique in its server.
/// </summary>
internal sealed class ServerArticle
{
    /// <summary>"guild/name": LiteDB's key.</summary>
    public string Id { get; set; } = "";
    public string GuildId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Date { get; set; }
    public string? Link { get; set; }
    public string? Summary { get; set; }
    public string? CorrectedSummary { get; set; }
    public string AddedBy { get; set; } = "";
    public string AddedById { get; set; } = "";
    public DateTime AddedAt { get; set; }
    public int WordCount { get; set; }
    public List<WordDocument> Words { get; set; } = [];
    public List<MarkedForm> MarkedForms { get; set; } = [];

    public static string IdOf(string guildId, string name) => $"{guildId}/{name}";

    /// <summary>The stored form of a parsed article added to a server by a member.</summary>
    public static ServerArticle Of(string guildId, Article article, string addedBy, string addedById, DateTimeOffset addedAt)
    {
        ArgumentNullException.ThrowIfNull(article);
        var document = ContentImporter.ToDocument(article, hash: "");
        return new ServerArticle
        {
            Id = IdOf(guildId, article.File),
            GuildId = guildId,
            Name = article.File,
            Title = document.Title,
            Date = document.Date,
            Link = document.Link,
            Summary = document.Summary,
            CorrectedSummary = document.CorrectedSummary,
            AddedBy = addedBy,
            AddedById = addedById,
            AddedAt = addedAt.UtcDateTime,
            WordCount = article.Words.Count,
            Words = [.. article.Words.Select(w => ContentImporter.ToDocument(document, w))],
            MarkedForms = document.MarkedForms,
        };
    }
}

/// <summary>An article as the library commands show it: a server's own, or one of the shipped folder's.</summary>
internal sealed record LibraryArticle(string Id, string Title, string? Date, string? Link, int WordCount, string? Summary, string? CorrectedSummary, string? AddedBy, DateTime? AddedAt)
{
    public bool IsOwn => AddedBy is not null;

    public static LibraryArticle Of(ServerArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Name, article.Title, article.Date, article.Link, article.WordCount, article.Summary, article.CorrectedSummary, article.AddedBy, article.AddedAt);
    }

    public static LibraryArticle Of(ArticleDocument article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new(article.Id, article.Title, article.Date, article.Link, article.WordCount, article.Summary, article.CorrectedSummary, null, null);
    }
}
