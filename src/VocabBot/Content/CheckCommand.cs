using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Content;

/// <summary>`check [DIR] [--json]`: validates a folder of articles without touching the database.</summary>
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
            return Usage.Print(error, $"check takes one folder and --json, not '{string.Join(' ', rest)}'.");

        var folder = rest.FirstOrDefault() ?? configuration[$"{ContentOptions.Section}:Directory"] ?? "content";
        var directory = Path.GetFullPath(folder, environment.ContentRootPath);
        if (!System.IO.Directory.Exists(directory))
            return Usage.Print(error, $"The content folder '{folder}' does not exist.");

        var parser = new ArticleParser();
        var articles = new List<Article>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in ContentImporter.ArticleFiles(directory))
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
