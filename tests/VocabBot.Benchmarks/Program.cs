using BenchmarkDotNet.Running;
using VocabBot.Benchmarks;

// dotnet run -c Release --project tests/VocabBot.Benchmarks -- import [articles] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- latency [calls] [repeats]
// dotnet run -c Release --project tests/VocabBot.Benchmarks -- micro [BenchmarkDotNet args, e.g. --filter '*']
var mode = args.FirstOrDefault() ?? "import";
switch (mode)
{
    case "import":
        ImportBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
        return 0;
    case "latency":
        LatencyBenchmark.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
        return 0;
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("modes: import [articles] [repeats] | latency [calls] [repeats] | micro [BenchmarkDotNet args]");
        return 2;
}
