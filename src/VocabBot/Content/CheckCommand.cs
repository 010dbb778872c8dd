using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot.Content;

/// <summary>`check [DIR | FILE] [--json]`: validates a folder of articles, or one article, without touching the database.</summary>
internal static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    /// <returns>0 without errors, 1 with errors, 2 on bad usage or settings.</returns>
    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var json = args.Contains("--json");
        var rest = args.Where(a => a != "--json").ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith('-')))
            return Usage.Print(error, $"check takes one folder or article file and --json, not '{string.Join(' ', rest)}'.");

        if (Options(configuration, error) is not { } options)
            return 2;
        var target = rest.FirstOrDefault() ?? options.Directory;
        var (listing, problem) = Find(Path.GetFullPath(target, environment.ContentRootPath));
        if (listing is null)
            return Usage.Print(error, $"'{target}' {problem}.");

        var parser = new ArticleParser(TimeProvider.System, options.ParseTimeout);
        var articles = new List<Article>();
        var diagnostics = new List<Diagnostic>(listing.Problems);
        foreach (var file in listing.Files)
        {
            var read = ContentFolder.Read(file, options.MaxFileBytes);
            var result = read.Bytes is { } bytes ? parser.Parse(file.Name, bytes) : new ParseResult(null, [read.Problem!]);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Article is not null)
                articles.Add(result.Article);
        }

        if (json)
            output.WriteLine(JsonSerializer.Serialize(ToJson(articles, diagnostics), Json));
        else
            WriteText(output, articles, diagnostics);
        return diagnostics.Any(d => d.Severity == Severity.Error) ? 1 : 0;
    }

    /// <summary>
    /// The Content settings `check` reads, or null after one line per bad key as the app prints them at start
    /// (`check` builds no host; a folder that does not exist is the target's own error below).
    /// </summary>
    private static ContentOptions? Options(IConfiguration configuration, TextWriter error)
    {
        var services = new ServiceCollection().AddSingleton(configuration);
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section)).ValidateDataAnnotations();
        using var provider = services.BuildServiceProvider();
        var failures = ConfigurationErrors.Find([(typeof(ContentOptions), ContentOptions.Section)], provider);
        foreach (var failure in failures)
            error.WriteLine($"Configuration error: {failure}");
        return failures.Count == 0 ? provider.GetRequiredService<IOptions<ContentOptions>>().Value : null;
    }

    /// <summary>The article files to check: every one under a folder, or the one named; or why there are none.</summary>
    private static (FolderListing? Listing, string? Problem) Find(string path)
    {
        if (System.IO.Directory.Exists(path))
            return (ContentFolder.List(path), null);
        if (!File.Exists(path))
            return (null, $"does not exist (looked for the folder or file '{path}')");
        if (!ContentImporter.IsArticleFile(path))
            return (null, "is not an article file (.md, .markdown or .txt)");
        return (ContentFolder.ListOne(Path.GetDirectoryName(path)!, Path.GetFileName(path)), null);
    }

    private static void WriteText(TextWriter output, List<Article> articles, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        output.WriteLine($"{articles.Count} article(s), {articles.Sum(a => a.Words.Count)} word(s), {errors} error(s), {diagnostics.Count - errors} warning(s)");
        foreach (var shown in DiagnosticLimit.Shown(diagnostics))
            output.WriteLine(shown);
    }

    private static object ToJson(List<Article> articles, List<Diagnostic> diagnostics) => new
    {
        articles = articles.Select(a => new
        {
            file = a.File,
            title = a.Title,
            date = a.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            link = a.Link,
            summary = a.Summary is null ? null : new { original = a.Summary.Original, corrected = a.Summary.Corrected },
            words = a.Words.Select(w => new
            {
                headword = w.Headword,
                ipa = w.Ipa,
                partOfSpeech = w.PartOfSpeech,
                chinese = w.Chinese,
                example = w.Example,
                markedAs = w.MarkedAs,
                context = w.Context,
            }),
        }),
        diagnostics = diagnostics.Select(d => new
        {
            file = d.File,
            line = d.Line,
            severity = d.Severity == Severity.Error ? "error" : "warning",
            message = d.Message,
        }),
    };
}
