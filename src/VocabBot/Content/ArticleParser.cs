using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace VocabBot.Content;

/// <summary>
/// Turns one study article (front matter, body with `marked` terms, a :::summary container and a
/// vocabulary table) into an <see cref="Article"/> plus diagnostics. It never throws on bad content, and
/// gives up on a file after <paramref name="timeout"/> with an error for it.
/// </summary>
internal sealed class ArticleParser(TimeProvider time, TimeSpan timeout)
{
    private static readonly MarkdownPipeline Pipeline = ParseDeadline.Checked(new MarkdownPipelineBuilder())
        .UseYamlFrontMatter()
        .UseCustomContainers()
        .UsePipeTables()
        .UsePreciseSourceLocation()
        .Build();

    private static readonly string[] DateFormats = ["yyyy/M/d", "yyyy-M-d", "yyyy.M.d"];

    public ArticleParser()
        : this(TimeProvider.System, ContentOptions.DefaultParseTimeout)
    {
    }

    /// <summary>Parses raw file bytes; <paramref name="file"/> names the file in diagnostics.</summary>
    public ParseResult Parse(string file, ReadOnlySpan<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (bytes.StartsWith("\uFEFF"u8))
            bytes = bytes[3..];
        if (!Utf8.IsValid(bytes))
        {
            var line = FirstInvalidUtf8Line(bytes);
            return Failed(file, line, "NotUtf8");
        }

        return Parse(file, Encoding.UTF8.GetString(bytes), cancellationToken);
    }

    /// <summary>
    /// Parses on a thread of its own and waits at most the timeout for it. Markdig stops at the deadline
    /// (or when <paramref name="cancellationToken"/> is cancelled) on its next line or run of text; where
    /// it is busy elsewhere (1 MB of link reference definitions took a minute in one step) this call
    /// returns anyway, and the thread, a background one, finishes unobserved.
    /// </summary>
    public ParseResult Parse(string file, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(text);
        var deadline = new ParseDeadline(time, timeout, cancellationToken);
        var parsed = new TaskCompletionSource<ParseResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                parsed.SetResult(ParseWithin(file, text, deadline));
            }
            catch (Exception e)
            {
                parsed.SetException(e);
            }
        })
        { IsBackground = true, Name = "ArticleParser" };
        thread.Start();
        try
        {
            // A blocking wait: callers read files one by one on threads of their own (the importer's reader, `check`).
            return parsed.Task.WaitAsync(timeout, time, cancellationToken).GetAwaiter().GetResult();
        }
        catch (TimeoutException)
        {
            return TookTooLong(file);
        }
    }

    private ParseResult ParseWithin(string file, string text, ParseDeadline deadline)
    {
        var diagnostics = new List<Diagnostic>();
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(normalized, Pipeline, deadline.Context());
        }
        catch (ParseTimeoutException)
        {
            return TookTooLong(file);
        }
        catch (ArgumentException e)
        {
            // Markdig's limit on nesting (128 quotes or lists inside each other, 10,240 brackets or emphases).
            return Failed(file, 1, "MarkdigFailed", e.Message);
        }

        var frontMatter = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (frontMatter is null)
            return Failed(file, 1, "NoFrontMatter");
        var fields = FrontMatter.Read(frontMatter);
        if (!fields.TryGetValue("title", out var titleField) || titleField.Value.Length == 0)
            return Failed(file, frontMatter.Line + 1, "NoTitle");

        var table = VocabularyTable.Find(document, normalized, file, diagnostics);
        if (table is null)
            return new ParseResult(null, diagnostics);

        var marks = MarkedTerms.Collect(document);
        var words = MarkLinker.Link(file, table, marks, diagnostics);
        var article = new Article(
            file,
            titleField.Value,
            ReadDate(file, fields, diagnostics),
            fields.TryGetValue("link", out var link) && link.Value.Length > 0 ? link.Value : null,
            fields.Where(f => f.Key is not ("title" or "date" or "link")).ToDictionary(f => f.Key, f => f.Value.Value),
            SummaryBlock.Read(document, normalized),
            words);
        return new ParseResult(article, diagnostics.OrderBy(d => d.Line).ToList());
    }

    private ParseResult TookTooLong(string file) =>
        new(null, [Diagnostic.Of(file, 1, Severity.Error, "TookTooLong", timeout.ToString("c", CultureInfo.InvariantCulture))], TimedOut: true);

    private static DateOnly? ReadDate(string file, Dictionary<string, FrontMatter.Field> fields, List<Diagnostic> diagnostics)
    {
        if (!fields.TryGetValue("date", out var date) || date.Value.Length == 0)
            return null;
        if (DateOnly.TryParseExact(date.Value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return parsed;
        diagnostics.Add(Diagnostic.Of(file, date.Line, Severity.Warning, "BadDate", date.Value));
        return null;
    }

    private static ParseResult Failed(string file, int line, string key, params object[] arguments) =>
        new(null, [Diagnostic.Of(file, line, Severity.Error, key, arguments)]);

    private static int FirstInvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[bytes.Length];
        Utf8.ToUtf16(bytes, buffer, out var validBytes, out _, replaceInvalidSequences: false);
        return bytes[..validBytes].Count((byte)'\n') + 1;
    }
}
