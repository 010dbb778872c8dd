using System.Diagnostics;
using System.Globalization;
using VocabBot.Chat;
using VocabBot.Content;
using VocabBot.Learning.Define;
using VocabBot.Library;

namespace VocabBot.Benchmarks;

using Console = System.Console;

/// <summary>
/// Issue #14's target: /define and autocomplete p99 unchanged with 1,000 servers each holding 10 articles of their
/// own, and the memory those servers take. In one process: the shipped corpus alone from a direct message (the
/// baseline); then the servers' articles parsed from generated notes and saved through <see cref="ServerLibraries"/>
/// into the LiteDB library store of the same database; then each server's first call (which loads its library),
/// warm calls in random servers, and the direct-message rows again. Every own headword belongs to one server only
/// and to no shipped article ("…ard" against the shipped "…ment"), so a hit proves the right library answered.
/// </summary>
internal static class LibrariesBenchmark
{
    private const int WarmUpCalls = 2000;
    internal const string OwnSuffix = "ard";
    private const string Member = "300000000000000001";

    public static void Run(int servers, int articlesPerServer, int wordsPerArticle, int calls)
    {
        using var corpus = new ImportedCorpus();
        var store = new LiteDbLibraryStore(corpus.Database);
        // Every server held (no Library:MaxLoadedServers eviction): the memory of 1,000 libraries, and warm rows that never reload.
        var libraries = corpus.Libraries(store, new LibraryOptions { MaxArticlesPerServer = 100_000, MaxWordsPerServer = 10_000_000, MaxLoadedServers = servers });
        var define = new DefineCommand(libraries, Texts.Learning);
        var shipped = corpus.Headwords;
        var perServer = articlesPerServer * wordsPerArticle;
        string[] own = [.. Corpus.Headwords(servers * perServer, OwnSuffix)];
        var guilds = Enumerable.Range(0, servers).Select(s => (900_000_000_000_000_000L + s).ToString(CultureInfo.InvariantCulture)).ToArray();
        IReadOnlyList<string> OwnOf(int server) => new ArraySegment<string>(own, server * perServer, perServer);
        var random = new Random(14);

        Console.WriteLine($"shipped: {corpus.Vocabulary.Articles().Count():N0} articles, {corpus.Vocabulary.WordCount:N0} words; " +
            $"servers: {servers:N0} x {articlesPerServer} own articles x {wordsPerArticle} words = {perServer:N0} own words each, {own.Length:N0} in all " +
            "(none shared between servers or with the shipped articles)");
        Console.WriteLine($"/define terms: in a server 45% its own words, 45% shipped, 10% misspelt (no library has them); in a DM 90% shipped, 10% misspelt; " +
            $"1 hit in 5 inflected (\"…s\"). Autocomplete: a 1-6 character prefix of an own or shipped word. {calls:N0} timed calls a row after {WarmUpCalls:N0} untimed; µs");

        Console.WriteLine("-- baseline: the shipped corpus alone, from a direct message");
        DirectMessageRows(define, random, shipped, calls);
        var before = MemoryUse.Now(corpus);
        before.Print("before the servers");

        Console.WriteLine($"-- adding {servers:N0} servers x {articlesPerServer} articles");
        Add(libraries, random, guilds, OwnOf, articlesPerServer, wordsPerArticle);
        var added = MemoryUse.Now(corpus);
        added.Print("after adding them (none loaded)");

        Console.WriteLine("-- each server's first call, which loads its library from the store (the file was just written: its pages are in the OS cache)");
        FirstCalls(define, random, guilds, OwnOf, shipped);
        var touched = MemoryUse.Now(corpus);
        touched.Print("after one call in every server");
        Console.WriteLine($"   {"each server's library held",-40} managed heap +{(touched.Heap - added.Heap) / 1024.0 / servers,6:F1} KB a server, " +
            $"working set +{(touched.WorkingSet - added.WorkingSet) / 1024.0 / servers,6:F1} KB a server; since before the servers: heap +{(touched.Heap - before.Heap) / 1048576.0:F1} MB, " +
            $"working set +{(touched.WorkingSet - before.WorkingSet) / 1048576.0:F1} MB");

        Console.WriteLine($"-- warm: random servers among the {servers:N0}, every library loaded");
        ServerRows(define, random, guilds, OwnOf, shipped, calls);

        // The same calls in one server only: its library stays in the CPU's caches, so this row against the DM row is
        // the cost of looking in two indexes, and the random-server row against this one that of reaching 1,000 servers' memory.
        Console.WriteLine("-- warm: one server only, every library loaded");
        ServerRows(define, random, [guilds[0]], _ => OwnOf(0), shipped, calls);

        Console.WriteLine("-- the direct-message rows again, with the servers held");
        DirectMessageRows(define, random, shipped, calls);

        Console.WriteLine("-- every server's library dropped (ServerLibraries.Forget), then For(guild) alone in random order, then its two steps apart");
        foreach (var guild in guilds)
            libraries.Forget(guild);
        MemoryUse.Now(corpus).Print("with every library dropped");
        Reload(libraries, store, random, guilds);
        MemoryUse.Now(corpus).Print("at the end");
    }

    private static void DirectMessageRows(DefineCommand define, Random random, IReadOnlyList<string> shipped, int calls)
    {
        var terms = Enumerable.Range(0, WarmUpCalls + calls).Select(_ => Term(random, null, [], shipped)).ToArray();
        var prefixes = Enumerable.Range(0, WarmUpCalls + calls).Select(_ => Prefix(random, null, [], shipped)).ToArray();
        Rows("DM", define, terms, prefixes);
    }

    private static void ServerRows(DefineCommand define, Random random, string[] guilds, Func<int, IReadOnlyList<string>> ownOf, IReadOnlyList<string> shipped, int calls)
    {
        Call InRandomServer(Func<string, IReadOnlyList<string>, Call> make)
        {
            var server = random.Next(guilds.Length);
            return make(guilds[server], ownOf(server));
        }

        var terms = Enumerable.Range(0, WarmUpCalls + calls).Select(_ => InRandomServer((g, own) => Term(random, g, own, shipped))).ToArray();
        var prefixes = Enumerable.Range(0, WarmUpCalls + calls).Select(_ => InRandomServer((g, own) => Prefix(random, g, own, shipped))).ToArray();
        Rows("server", define, terms, prefixes);
    }

    /// <summary>/define rows (all, then by kind of term) and the autocomplete row, after untimed warm-up calls.</summary>
    private static void Rows(string where, DefineCommand define, Call[] terms, Call[] prefixes)
    {
        var gcs = Gcs.Now();
        var defines = Time(terms, WarmUpCalls, c => (define.Handle(c.Guild, c.Typed).Card is not null) == (c.Kind != Kind.Miss));
        var completes = Time(prefixes, WarmUpCalls, c => define.Complete(Autocomplete(c)).Count > 0);
        defines.Print($"{where} /define, all");
        foreach (var kind in new[] { Kind.Own, Kind.Shipped, Kind.Miss })
            defines.Print($"{where} /define, {Describe(kind)}", kind);
        completes.Print($"{where} autocomplete");
        if (where != "DM")
        {
            foreach (var kind in new[] { Kind.Own, Kind.Shipped })
                completes.Print($"{where} autocomplete, a prefix of {Describe(kind)}", kind);
        }

        gcs.PrintSince();
    }

    internal static void Add(ServerLibraries libraries, Random random, string[] guilds, Func<int, IReadOnlyList<string>> ownOf, int articlesPerServer, int wordsPerArticle)
    {
        var parser = new ArticleParser();
        var at = DateTimeOffset.UtcNow;
        var parsing = new Stopwatch();
        var saves = new List<double>(guilds.Length * articlesPerServer);
        var refused = 0;
        for (var s = 0; s < guilds.Length; s++)
        {
            var words = ownOf(s);
            for (var a = 0; a < articlesPerServer; a++)
            {
                var index = s * articlesPerServer + a;
                var text = Corpus.Article(index, [.. words.Skip(a * wordsPerArticle).Take(wordsPerArticle)], random);
                parsing.Start();
                var parsed = parser.Parse($"note{a:D2}.md", text);
                parsing.Stop();
                if (parsed.Article is not { } article || article.Words.Count != wordsPerArticle)
                    throw new InvalidOperationException($"note {index} did not parse to {wordsPerArticle} words: {string.Join("; ", parsed.Diagnostics)}");
                var start = Stopwatch.GetTimestamp();
                if (libraries.Save(ServerArticle.Of(guilds[s], article, "Member", Member, at)) != LibrarySaved.Added)
                    refused++;
                saves.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var sorted = saves.Order().ToArray();
        Console.WriteLine($"   {"parsing the notes (ArticleParser)",-40} {parsing.Elapsed.TotalSeconds,6:F1} s for {sorted.Length:N0} ({parsing.Elapsed.TotalMilliseconds / sorted.Length:F2} ms each)");
        Console.WriteLine($"   {"ServerArticle.Of + ServerLibraries.Save",-40} {sorted.Sum() / 1000,6:F1} s for {sorted.Length:N0}: " +
            $"p50 {Percentile.Of(sorted, 0.50):F2}  p99 {Percentile.Of(sorted, 0.99):F2}  max {sorted[^1]:F1} ms a save{(refused > 0 ? $"; {refused} NOT ADDED" : "")}");
    }

    /// <summary>The first call in each server, in random order: half /define, half autocomplete, each loading that server's library.</summary>
    private static void FirstCalls(DefineCommand define, Random random, string[] guilds, Func<int, IReadOnlyList<string>> ownOf, IReadOnlyList<string> shipped)
    {
        var order = Enumerable.Range(0, guilds.Length).ToArray();
        random.Shuffle(order);
        var terms = order.Where((_, i) => i % 2 == 0).Select(s => Term(random, guilds[s], ownOf(s), shipped)).ToArray();
        var prefixes = order.Where((_, i) => i % 2 == 1).Select(s => Prefix(random, guilds[s], ownOf(s), shipped)).ToArray();
        var gcs = Gcs.Now();
        var all = Stopwatch.StartNew();
        var defines = Time(terms, 0, c => (define.Handle(c.Guild, c.Typed).Card is not null) == (c.Kind != Kind.Miss));
        var completes = Time(prefixes, 0, c => define.Complete(Autocomplete(c)).Count > 0);
        all.Stop();
        defines.Print("first /define in a server");
        completes.Print("first autocomplete in a server");
        Console.WriteLine($"   {"one call in every server",-40} {all.Elapsed.TotalSeconds,6:F2} s for {guilds.Length:N0} (the first includes the JIT of loading)");
        gcs.PrintSince();
    }

    private static void Reload(ServerLibraries libraries, ILibraryStore store, Random random, string[] guilds)
    {
        var order = guilds.ToArray();
        random.Shuffle(order);
        var loads = new double[order.Length];
        var reads = new double[order.Length];
        var builds = new double[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            libraries.For(order[i]);
            loads[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        random.Shuffle(order);
        for (var i = 0; i < order.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var articles = store.InGuild(order[i]);
            store.ShippedOn(order[i]);
            reads[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            start = Stopwatch.GetTimestamp();
            _ = new OwnWords(articles);
            builds[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Latencies.Of(loads).Print("ServerLibraries.For, first after Forget");
        Latencies.Of(reads).Print("of it: InGuild + ShippedOn (LiteDB)");
        Latencies.Of(builds).Print("of it: new OwnWords (the index)");
    }

    private static AutocompleteRequest Autocomplete(Call call) => new("400000000000000001", call.Guild, "define", "word", call.Typed);

    /// <summary>A /define term: a server's own word (45%), a shipped one (45%, 90% in a DM) or a misspelling of either (10%).</summary>
    private static Call Term(Random random, string? guild, IReadOnlyList<string> own, IReadOnlyList<string> shipped)
    {
        var roll = random.Next(100);
        var kind = roll < 10 ? Kind.Miss : own.Count > 0 && roll < 55 ? Kind.Own : Kind.Shipped;
        var fromOwn = kind == Kind.Own || (kind == Kind.Miss && own.Count > 0 && random.Next(2) == 0);
        var word = fromOwn ? own[random.Next(own.Count)] : shipped[random.Next(shipped.Count)];
        if (kind == Kind.Miss)
        {
            // No headword has a "q": one letter inside the word replaced by it is in no library, and gets suggestions.
            var at = 1 + random.Next(word.Length - 2);
            return new Call(guild, string.Concat(word.AsSpan(0, at), "q", word.AsSpan(at + 1)), kind);
        }

        return new Call(guild, random.Next(5) == 0 ? word + "s" : word, kind);
    }

    /// <summary>What autocomplete gets: the first 1-6 characters of an own word (half the time in a server) or a shipped one.</summary>
    internal static Call Prefix(Random random, string? guild, IReadOnlyList<string> own, IReadOnlyList<string> shipped)
    {
        var fromOwn = own.Count > 0 && random.Next(2) == 0;
        var word = fromOwn ? own[random.Next(own.Count)] : shipped[random.Next(shipped.Count)];
        return new Call(guild, word[..Math.Min(word.Length, 1 + random.Next(6))], fromOwn ? Kind.Own : Kind.Shipped);
    }

    private static Latencies Time(Call[] calls, int warmUp, Func<Call, bool> call)
    {
        foreach (var c in calls.Take(warmUp))
            call(c);
        var timed = calls.Skip(warmUp).ToArray();
        var latencies = new double[timed.Length];
        var wrong = 0;
        for (var i = 0; i < timed.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (!call(timed[i]))
                wrong++;
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        var kinds = timed.Select(c => c.Kind).ToArray();
        return new Latencies(latencies, kinds, wrong);
    }

    private static string Describe(Kind kind) => kind switch
    {
        Kind.Own => "own words",
        Kind.Shipped => "shipped words",
        _ => "misspelt (not found)",
    };

    internal enum Kind { Shipped, Own, Miss }

    internal readonly record struct Call(string? Guild, string Typed, Kind Kind);

    /// <summary>Per-call latencies in µs, in call order, with the kind of each call's input.</summary>
    private sealed class Latencies(double[] latencies, Kind[] kinds, int wrong)
    {
        public static Latencies Of(double[] latencies) => new(latencies, [], 0);

        public void Print(string name, Kind? only = null)
        {
            var sorted = latencies.Where((_, i) => only is null || kinds[i] == only).Order().ToArray();
            if (sorted.Length == 0)
                return;
            var note = only is null && wrong > 0 ? $"  {wrong} WRONG (a hit not found or a miss found)" : "";
            Console.WriteLine($"   {name,-40} n {sorted.Length,6:N0}  p50 {Percentile.Of(sorted, 0.50),8:F1}  p99 {Percentile.Of(sorted, 0.99),8:F1}  max {sorted[^1],9:F0}{note}");
        }
    }

    private readonly record struct Gcs(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
    {
        public static Gcs Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public void PrintSince()
        {
            var now = Now();
            Console.WriteLine($"   {"GCs in these rows",-40} gen0/1/2 {now.Gen0 - Gen0}/{now.Gen1 - Gen1}/{now.Gen2 - Gen2}, paused {(now.Paused - Paused).TotalMilliseconds:F0} ms in all");
        }
    }

    private readonly record struct MemoryUse(long Heap, long WorkingSet, long DatabaseBytes, TimeSpan FullGcPause)
    {
        /// <summary>
        /// The managed heap after a full collection, the process's working set, the database file with its log, and how
        /// long that full (blocking, compacting) collection paused the process: what a gen2 costs with this heap.
        /// </summary>
        public static MemoryUse Now(ImportedCorpus corpus)
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var pause = GC.GetGCMemoryInfo(GCKind.FullBlocking).PauseDurations[0];
            using var process = Process.GetCurrentProcess();
            var path = corpus.Database.Path!;
            var files = Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "*");
            return new MemoryUse(heap, process.WorkingSet64, files.Sum(f => new FileInfo(f).Length), pause);
        }

        public void Print(string when) =>
            Console.WriteLine($"   memory {when,-33} managed heap {Heap / 1048576.0,7:F1} MB  working set {WorkingSet / 1048576.0,7:F1} MB  " +
                $"(database file {DatabaseBytes / 1048576.0:F1} MB; the full GC paused {FullGcPause.TotalMilliseconds:F0} ms)");
    }
}
