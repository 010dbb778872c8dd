using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// What one bad file costs (issue #12 item 5): a file of <c>rows</c> marked rows (every row's word marked
/// once, inflected, in its own sentence), parsed alone; then a cold import of it beside 100 ordinary
/// articles and a table of 100,000 bad rows, counting the diagnostics and the log lines the import writes.
/// </summary>
public static class HostileBenchmark
{
    private const int BadRows = 100_000;

    public static void Run(int rows, int repeats)
    {
        var root = Directory.CreateTempSubdirectory("vocabbot-hostile-").FullName;
        try
        {
            var content = Path.Combine(root, "content");
            Corpus.Write(content, articles: 100);
            var marked = MarkedRows(rows);
            File.WriteAllText(Path.Combine(content, "marked.md"), marked);
            File.WriteAllText(Path.Combine(content, "bad-rows.md"), BadTable());
            Console.WriteLine($"marked.md: {rows} marked rows, {Encoding.UTF8.GetByteCount(marked):N0} bytes; bad-rows.md: {BadRows:N0} rows of 6 cells under 5 columns");

            // Timing the parse itself, so no timeout; a 4 MB limit lets the 100,000-row table in.
            var parser = new ArticleParser(TimeProvider.System, TimeSpan.FromMinutes(10));
            var options = new ContentOptions { MaxFileBytes = 4 * 1024 * 1024, ParseTimeout = TimeSpan.FromMinutes(10) };
            parser.Parse("marked.md", marked); // warm-up
            for (var run = 1; run <= repeats; run++)
            {
                var watch = Stopwatch.StartNew();
                var result = parser.Parse("marked.md", marked);
                var parse = watch.Elapsed;
                var linked = result.Article!.Words.Count(w => w.MarkedAs is not null);

                var lines = new CountingLogger();
                var db = Path.Combine(root, $"run{run}.db");
                watch.Restart();
                ImportReport report;
                using (var database = new VocabDatabase(db))
                    report = new ContentImporter(database, new Vocabulary(database), parser, lines, options).Import(content);
                var import = watch.Elapsed;
                File.Delete(db);

                Console.WriteLine($"run {run}: parse of marked.md {parse.TotalMilliseconds:F0} ms ({linked} of {rows} rows linked, {result.Diagnostics.Count} diagnostics); " +
                    $"cold import {import.TotalMilliseconds:F0} ms ({report.Added} added, {report.Diagnostics.Count:N0} diagnostics, {lines.Warnings} warning lines, {lines.Errors} error lines logged)");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string MarkedRows(int rows)
    {
        var words = Corpus.Headwords(rows);
        var text = new StringBuilder("---\ntitle: Many marked rows\n---\n\n");
        for (var i = 0; i < rows; i++)
            text.Append($"They talked about the `{words[i]}s` today.{(i % 100 == 99 ? "\n\n" : " ")}");
        text.Append("\n\n| Word | IPA | POS | Chinese | Example |\n|------|-----|-----|---------|---------|\n");
        foreach (var word in words)
            text.Append($"| {word} | /x/ | n. | 詞 | A {word}. |\n");
        return text.ToString();
    }

    private static string BadTable()
    {
        var text = new StringBuilder("---\ntitle: Bad rows\n---\n\nText.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n");
        for (var i = 0; i < BadRows; i++)
            text.Append($"| w{i} | x | n. | y | z | extra |\n");
        return text.ToString();
    }

    private sealed class CountingLogger : ILogger<ContentImporter>
    {
        public int Warnings { get; private set; }

        public int Errors { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                Warnings++;
            else if (logLevel == LogLevel.Error)
                Errors++;
        }
    }
}
