using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

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

    /// <returns>0 without errors, 1 with errors, 2 on bad usage.</returns>
    public static int Run(IConfiguration configuration, IHostEnvironment environment, string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var json = args.Contains("--json");
        var rest = args.Where(a => a != "--json").ToList();
        if (rest.Count > 1 || rest.Any(a => a.StartsWith('-')))
            return Usage.Print(error, $"check takes one folder or article file and --json, not '{string.Join(' ', rest)}'.");

        var target = rest.FirstOrDefault() ?? configuration[$"{ContentOptions.Section}:Directory"] ?? "content";
        var (directory, files, problem) = Find(Path.GetFullPath(target, environment.ContentRootPath));
        if (problem is not null)
            return Usage.Print(error, $"'{target}' {problem}.");

        var parser = new ArticleParser();
        var articles = new List<Article>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            var result = parser.Parse(file, File.ReadAllBytes(Path.Combine(directory, file)));
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

    /// <summary>The folder and the article files in it to check: every one under a folder, or the one named.</summary>
    private static (string Directory, IReadOnlyList<string> Files, string? Problem) Find(string path)
    {
        if (System.IO.Directory.Exists(path))
            return (path, ContentImporter.ArticleFiles(path), null);
        if (!File.Exists(path))
            return ("", [], $"does not exist (looked for the folder or file '{path}')");
        if (!ContentImporter.IsArticleFile(path))
            return ("", [], "is not an article file (.md, .markdown or .txt)");
        return (Path.GetDirectoryName(path)!, [Path.GetFileName(path)], null);
    }

    private static void WriteText(TextWriter output, List<Article> articles, List<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        output.WriteLine($"{articles.Count} article(s), {articles.Sum(a => a.Words.Count)} word(s), {errors} error(s), {diagnostics.Count - errors} warning(s)");
        foreach (var diagnostic in diagnostics)
            output.WriteLine(diagnostic);
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
