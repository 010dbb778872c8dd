using System.Globalization;
using BenchmarkDotNet.Running;
using VocabBot.Benchmarks;

// dotnet run -c Release --project tests/VocabBot.Benchmarks -- import [articles] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- latency [calls] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- load [interactions] [users] [repeats] [rate/s, 0 = unpaced]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- memory FOLDER   (twice: cold import, then warm start)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- corpus FOLDER   (the corpus and a console script, for published-app.sh)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- wotd [channels] [ms a post] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- hostile [marked rows] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- scores [answers,answers,...] [members] [calls] [postgres connection string]
//   (tests/VocabBot.Benchmarks/with-postgres.sh scores ... starts a throwaway server and passes its connection string)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- learner [words,words,...] [calls]
//   (/review, /quiz, /stats and an answer click for one member; with-postgres.sh learner ... adds PostgreSQL)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- libraries [servers] [articles per server] [words per article] [calls]
//   (/define and autocomplete from a DM, then in servers with articles of their own; memory before and after)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- autocomplete-http [servers] [articles] [words] [calls] [repeats]
//   (autocomplete as Discord waits for it: signed HTTP interactions to the real host, a DM against random servers)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- picture [answers a day] [calls] [example.png]
//   (the /stats picture for one member with a year of daily answers: the picture alone and the whole /stats)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- races [races] [players] [rounds] [seconds] [ms a post or edit]
//   (races at once, each in its own channel, on the real clock: round close after its deadline, click to "Locked in")
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- record [answers] [members] [calls] [checkpoint pages] [background|postgres-only]
//   (where recording an answer spends its time: LiteDB's pages per answer and its checkpoints; with-postgres.sh record ...
//   adds PostgreSQL with and without the commit's WAL flush, with the WAL and full-page images of each row; "background":
//   LiteDB's checkpoint on another thread instead; "postgres-only": PostgreSQL's rows alone)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- fsync [writes] [repeats] [folder]
//   (this disk's own durable write: 4 KB appended and flushed to the device, the floor of any durable commit)
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- micro [BenchmarkDotNet args, e.g. --filter '*']
var mode = args.FirstOrDefault() ?? "import";
switch (mode)
{
    case "import":
        ImportBenchmark.Run(Arg(1, 1000), Arg(2, 3));
        return 0;
    case "latency":
        LatencyBenchmark.Run(Arg(1, 100_000), Arg(2, 3));
        return 0;
    case "load":
        await LoadBenchmark.RunAsync(Arg(1, 10_000), Arg(2, 50), Arg(3, 3), Arg(4, 0));
        return 0;
    case "memory" when args.Length == 2:
        await MemoryBenchmark.RunAsync(args[1]);
        return 0;
    case "corpus" when args.Length == 2:
        Corpus.WriteWithScript(args[1]);
        return 0;
    case "wotd":
        await WotdBenchmark.RunAsync(Arg(1, 1000), Arg(2, 100), Arg(3, 1));
        return 0;
    case "hostile":
        HostileBenchmark.Run(Arg(1, 20_000), Arg(2, 3));
        return 0;
    case "scores":
        ScoresBenchmark.Run(args.Length > 1 ? [.. args[1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [10_000, 100_000, 1_000_000], Arg(2, 5000), Arg(3, 2000), args.Length > 4 ? args[4] : Environment.GetEnvironmentVariable("VOCABBOT_BENCH_POSTGRES"));
        return 0;
    case "learner":
        LearnerBenchmark.Run(args.Length > 1 ? [.. args[1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [200, 2_000, 20_000, 40_000], Arg(2, 1000), Environment.GetEnvironmentVariable("VOCABBOT_BENCH_POSTGRES"));
        return 0;
    case "libraries":
        LibrariesBenchmark.Run(Arg(1, 1000), Arg(2, 10), Arg(3, 30), Arg(4, 20_000));
        return 0;
    case "autocomplete-http":
        await HttpAutocompleteBenchmark.RunAsync(Arg(1, 1000), Arg(2, 10), Arg(3, 30), Arg(4, 20_000), Arg(5, 3));
        return 0;
    case "picture":
        PictureBenchmark.Run(Arg(1, 110), Arg(2, 1000), args.Length > 3 ? args[3] : null);
        return 0;
    case "races":
        await RacesBenchmark.RunAsync(Arg(1, 200), Arg(2, 10), Arg(3, 3), Arg(4, 10), Arg(5, 100));
        return 0;
    case "record":
        RecordBenchmark.Run(Arg(1, 1_000_000), Arg(2, 5000), Arg(3, 2000), Environment.GetEnvironmentVariable("VOCABBOT_BENCH_POSTGRES"), Arg(4, VocabBot.Storage.VocabDatabase.CheckpointPages), args.Length > 5 && args[5] == "background",
            args.Length > 5 && args[5] == "postgres-only");
        return 0;
    case "fsync":
        FsyncBenchmark.Run(Arg(1, 2000), Arg(2, 3), args.Length > 3 ? args[3] : null);
        return 0;
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("modes: import [articles] [repeats] | latency [calls] [repeats] | load [interactions] [users] [repeats] [rate] | memory FOLDER | corpus FOLDER | wotd [channels] [ms a post] [repeats] | hostile [marked rows] [repeats] | scores [answers,...] [members] [calls] | learner [words,...] [calls] | libraries [servers] [articles] [words] [calls] | autocomplete-http [servers] [articles] [words] [calls] [repeats] | picture [answers a day] [calls] [example.png] | races [races] [players] [rounds] [seconds] [ms a call] | record [answers] [members] [calls] [checkpoint pages] [background|postgres-only] | fsync [writes] [repeats] [folder] | micro [BenchmarkDotNet args]");
        return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
