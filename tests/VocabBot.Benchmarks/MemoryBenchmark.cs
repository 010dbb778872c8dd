using VocabBot.Chat;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Peak working set of the bot's host with the corpus loaded: storage, content, learning and word of
/// the day as Program.cs adds them (no transport), then lookups, autocomplete and quizzes so that
/// everything a running bot holds is in memory. Run it twice on one folder: cold import, then warm.
/// </summary>
public static class MemoryBenchmark
{
    public static async Task RunAsync(string folder)
    {
        var content = Path.Combine(folder, "content");
        var cold = !Directory.Exists(content);
        if (cold)
            Corpus.Write(content);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(folder, "vocabbot.db"),
            ["Content:Directory"] = content,
            ["Content:Watch"] = "false",
        });
        builder.AddVocabBot(AppTransport.None);
        var started = Stopwatch.StartNew();
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"{(cold ? "cold import" : "warm start")}: host built and started in a fresh process in {started.Elapsed.TotalMilliseconds:F0} ms (JIT included)");
        // Before the first quiz, so the entries (read at first use) are not in it yet.
        Console.WriteLine($"managed heap after start, before the first quiz: {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MB");
        var commands = host.Services.GetRequiredService<VocabBot.Chat.ChatRouter>();
        var words = host.Services.GetRequiredService<Vocabulary>().WordCount;
        var headwords = Corpus.Headwords(words);
        var random = new Random(3);
        var quizzes = new List<double>();
        // An empty content folder measures what the host holds without any words.
        for (var i = 0; i < (words == 0 ? 0 : 2000); i++)
        {
            var user = $"user{i % 50}";
            var headword = headwords[random.Next(headwords.Count)];
            await commands.HandleAsync(Request(user, "define", "word", headword), CancellationToken.None);
            commands.Complete(new AutocompleteRequest(user, "guild", "define", "word", headword[..3]));
            if (i % 20 == 0)
            {
                var start = Stopwatch.GetTimestamp();
                await commands.HandleAsync(Request(user, "quiz", "count", "20"), CancellationToken.None);
                quizzes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var later = quizzes.Skip(1).Order().DefaultIfEmpty().ToList();
        Console.WriteLine($"/quiz 20: first {quizzes.FirstOrDefault():F0} ms (reads the entries), then p50 {later[later.Count / 2]:F1} ms, max {later[^1]:F1} ms; " +
            $"GCs gen0/1/2: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");

        var process = Process.GetCurrentProcess();
        Console.WriteLine($"{(cold ? "cold import" : "warm start")}: {words} words; peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB; " +
            $"working set now {process.WorkingSet64 / 1024 / 1024} MB; managed heap after a full GC {GC.GetTotalMemory(forceFullCollection: true) / 1024 / 1024} MB");
        await host.StopAsync();
    }

    private static ChatRequest Request(string user, string command, string option, string value) =>
        new(user, user, "guild", command, new Dictionary<string, string> { [option] = value });
}
