using System.Collections.Concurrent;
using System.Security.Cryptography;
using LiteDB;
using Microsoft.Extensions.Logging;
using VocabBot.Storage;

namespace VocabBot.Content;

/// <summary>What one import of the content folder did.</summary>
internal sealed record ImportReport(int Added, int Updated, int Unchanged, int Removed, int Failed, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Changed => Added + Updated + Removed > 0;

    /// <summary>The folder was gone or could not be listed; nothing was changed.</summary>
    public bool FolderMissing { get; init; }
}

/// <summary>
/// Mirrors a folder of articles into LiteDB: unchanged files are skipped by content hash, a changed
/// file replaces its article's entries, a removed or broken file's entries go away.
/// </summary>
internal sealed partial class ContentImporter(
    VocabDatabase database,
    Vocabulary vocabulary,
    ArticleParser parser,
    ILogger<ContentImporter> logger,
    ContentOptions? options = null)
{
    private const int ArticlesPerCommit = 100;
    private static readonly string[] Extensions = [".md", ".markdown", ".txt"];
    private ILiteCollection<ArticleDocument> _articles => database.Collection<ArticleDocument>(Vocabulary.ArticlesCollection);
    private ILiteCollection<WordDocument> _words => database.Collection<WordDocument>(Vocabulary.WordsCollection);
    private readonly Lock _gate = new();
    private readonly int _maxFileBytes = (options ?? new ContentOptions()).MaxFileBytes;

    /// <summary>
    /// Files whose parse was given up, by name, with their hash: the same bytes are not parsed again. Only the
    /// reader of the import running under <see cref="_gate"/> touches it.
    /// </summary>
    private readonly Dictionary<string, (string Hash, ParseResult Result)> _timedOut = new(StringComparer.Ordinal);

    /// <summary>The article files of a folder the importer would read, as paths relative to it with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> ArticleFiles(string directory) =>
        ContentFolder.List(directory).Files.Where(f => f.Refused is null).Select(f => f.Name).ToList();

    /// <summary>Whether the importer reads this file: .md, .markdown or .txt.</summary>
    public static bool IsArticleFile(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Imports the folder; a cancelled import keeps every article it committed, each whole, and throws.</summary>
    public ImportReport Import(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        lock (_gate)
        {
            // A transaction per ArticlesPerCommit changed articles, each article whole inside one: a crash
            // mid-import leaves every article as it was or as it is now, and the next import (skipping
            // what it already has by hash) finishes the rest.
            database.Database.BeginTrans();
            ImportReport report;
            try
            {
                report = ImportLocked(directory, cancellationToken);
                database.Database.Commit();
            }
            catch
            {
                VocabDatabase.RollbackQuietly(database.Database);
                throw;
            }

            if (report.Changed)
                vocabulary.Refresh();
            foreach (var shown in DiagnosticLimit.Shown(report.Diagnostics))
            {
                var level = shown.Severity == Severity.Error ? LogLevel.Error : LogLevel.Warning;
                if (shown.Diagnostic is { } diagnostic)
                    LogDiagnostic(logger, level, diagnostic.File, diagnostic.Line, diagnostic.Message);
                else
                    LogMoreDiagnostics(logger, level, shown.File, shown.More);
            }

            if (report.FolderMissing)
                LogFolderMissing(logger, directory, vocabulary.ArticleCount, vocabulary.WordCount);
            else
                LogImported(logger, directory, report.Added, report.Updated, report.Unchanged, report.Removed, report.Failed, vocabulary.WordCount);
            return report;
        }
    }

    private ImportReport ImportLocked(string directory, CancellationToken cancellationToken)
    {
        int added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0, written = 0;
        // A folder that is gone (an unmounted volume) or cannot be listed says nothing about its articles: keep them.
        var listing = System.IO.Directory.Exists(directory) ? ContentFolder.List(directory) : null;
        if (listing is null || listing.UnlistedFolders.Contains(""))
            return new ImportReport(0, 0, 0, 0, 0, listing?.Problems ?? []) { FolderMissing = true };

        var diagnostics = new List<Diagnostic>(listing.Problems);
        var stored = _articles.FindAll().ToDictionary(a => a.Id, a => a.Hash, StringComparer.Ordinal);
        foreach (var file in ReadAhead(listing.Files, stored, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.ReadError is { } readError)
            {
                diagnostics.Add(readError with { Message = readError.Message + "; kept as it was" });
                if (readError.Severity == Severity.Error)
                    failed++;
                continue;
            }

            var existed = stored.ContainsKey(file.Path);
            if (file.Parsed is not { } result)
            {
                unchanged++;
                continue;
            }

            diagnostics.AddRange(result.Diagnostics);
            if (result.Article is null)
            {
                failed++;
                if (existed)
                {
                    Remove(file.Path);
                    CommitEvery(ref written);
                }

                continue;
            }

            Replace(result.Article, file.Hash, existed);
            CommitEvery(ref written);
            if (existed)
                updated++;
            else
                added++;
        }

        var unlisted = listing.UnlistedFolders.Select(f => f + "/").ToList();
        var gones = stored.Keys.Except(listing.Files.Select(f => f.Name), StringComparer.Ordinal)
            .Where(name => !unlisted.Any(folder => name.StartsWith(folder, StringComparison.Ordinal)))
            .ToList();
        foreach (var gone in gones)
        {
            Remove(gone);
            CommitEvery(ref written);
            removed++;
        }

        return new ImportReport(added, updated, unchanged, removed, failed, diagnostics);
    }

    /// <summary>
    /// Commits after every <see cref="ArticlesPerCommit"/> written articles. LiteDB holds a transaction's
    /// pages in memory until it ends and keeps the page cache they grew for good: one transaction for
    /// 1,000 articles left 40 MB of cache behind (docs/PERFORMANCE.md, "Memory").
    /// </summary>
    private void CommitEvery(ref int written)
    {
        if (++written % ArticlesPerCommit != 0)
            return;
        database.Database.Commit();
        database.Database.BeginTrans();
    }

    /// <summary>One article file read, hashed and, when its hash is new, parsed.</summary>
    private sealed record ReadFile(string Path, string Hash, ParseResult? Parsed, Diagnostic? ReadError);

    /// <summary>
    /// The files in order, read and parsed on another thread a few files ahead of the caller, which
    /// writes them: LiteDB's transaction belongs to the calling thread, and on two cores parsing the
    /// next files while one is inserted took a fresh process's cold start over 1,000 articles from
    /// 3.5-3.8 s to 3.1-3.3 s (docs/PERFORMANCE.md). Sixteen files ahead at most, to bound memory.
    /// </summary>
    private IEnumerable<ReadFile> ReadAhead(IReadOnlyList<ArticleFile> files, Dictionary<string, string> stored, CancellationToken cancellationToken)
    {
        using var ahead = new BlockingCollection<ReadFile>(boundedCapacity: 16);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var file in files)
                    ahead.Add(Read(file, stored, stop.Token), stop.Token);
            }
            finally
            {
                ahead.CompleteAdding();
            }
        });

        try
        {
            foreach (var file in ahead.GetConsumingEnumerable())
                yield return file;
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            // When the caller failed or stopped early, stop the reader before the collection goes; its
            // own failure was rethrown above, and a failure of the caller's wins over its cancellation.
            stop.Cancel();
            try
            {
                reader.Wait();
            }
            catch (AggregateException)
            {
            }
        }
    }

    private ReadFile Read(ArticleFile file, Dictionary<string, string> stored, CancellationToken cancellationToken)
    {
        var read = ContentFolder.Read(file, _maxFileBytes);
        if (read.Unreadable)
            return new ReadFile(file.Name, "", null, read.Problem);
        if (read.Bytes is not { } bytes)
            return new ReadFile(file.Name, "", new ParseResult(null, [read.Problem!]), null);

        var hash = Convert.ToHexString(SHA256.HashData(bytes));
        if (stored.GetValueOrDefault(file.Name) == hash)
            return new ReadFile(file.Name, hash, null, null);
        if (_timedOut.TryGetValue(file.Name, out var slow) && slow.Hash == hash)
            return new ReadFile(file.Name, hash, slow.Result, null);
        var parsed = parser.Parse(file.Name, bytes, cancellationToken);
        if (parsed.TimedOut)
            _timedOut[file.Name] = (hash, parsed);
        else
            _timedOut.Remove(file.Name);
        return new ReadFile(file.Name, hash, parsed, null);
    }

    private void Replace(Article article, string hash, bool existed)
    {
        var document = ToDocument(article, hash);
        if (existed)
            _words.DeleteMany(Vocabulary.InArticleQuery(article.File));
        _words.InsertBulk(article.Words.Select(w => ToDocument(document, w)));
        _articles.Upsert(document);
    }

    private void Remove(string articleId)
    {
        _words.DeleteMany(Vocabulary.InArticleQuery(articleId));
        _articles.Delete(articleId);
    }

    /// <summary>The stored form of an article; the benchmark's floor inserts the same documents.</summary>
    internal static ArticleDocument ToDocument(Article article, string hash) => new()
    {
        Id = article.File,
        Hash = hash,
        Title = article.Title,
        Date = article.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Link = article.Link,
        Tags = new Dictionary<string, string>(article.Tags),
        Summary = article.Summary?.Original,
        CorrectedSummary = article.Summary?.Corrected,
        WordCount = article.Words.Count,
        MarkedForms = article.Words
            .Where(w => w.MarkedAs is not null)
            .Select(w => (Form: Inflections.Key(w.MarkedAs!), Key: Inflections.Key(w.Headword)))
            .Where(f => f.Form != f.Key)
            .Distinct()
            .Select(f => new MarkedForm { Form = f.Form, Key = f.Key })
            .ToList(),
    };

    internal static WordDocument ToDocument(ArticleDocument article, VocabularyEntry word)
    {
        var key = Inflections.Key(word.Headword);
        return new WordDocument
        {
            Id = $"{article.Id}#{key}",
            ArticleId = article.Id,
            Headword = word.Headword,
            Key = key,
            Ipa = word.Ipa,
            PartOfSpeech = word.PartOfSpeech,
            Chinese = [.. word.Chinese],
            Example = word.Example,
            MarkedAs = word.MarkedAs,
            Context = word.Context,
            Line = word.Line,
            ArticleTitle = article.Title,
            ArticleDate = article.Date,
            ArticleLink = article.Link,
        };
    }

    [LoggerMessage(Message = "{File}:{Line}: {Message}")]
    private static partial void LogDiagnostic(ILogger logger, LogLevel level, string file, int line, string message);

    [LoggerMessage(Message = "{File}: and {More} more problem(s) in this file; `check --json` lists them all")]
    private static partial void LogMoreDiagnostics(ILogger logger, LogLevel level, string file, int more);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content folder {Directory} is missing or cannot be listed; keeping the {Articles} article(s) imported before ({Words} words) until it is back")]
    private static partial void LogFolderMissing(ILogger logger, string directory, int articles, int words);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Content imported from {Directory}: {Added} added, {Updated} updated, {Unchanged} unchanged, {Removed} removed, {Failed} failed; {Words} words")]
    private static partial void LogImported(ILogger logger, string directory, int added, int updated, int unchanged, int removed, int failed, int words);
}
