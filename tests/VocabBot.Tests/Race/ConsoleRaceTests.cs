using System.Collections.Concurrent;
using System.Text;
using VocabBot.Console;
using VocabBot.Race;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Race;

/// <summary>A race in the console: its one user answers by letter, the time left shown in seconds, on a fake clock.</summary>
public sealed class ConsoleRaceTests
{
    [Fact]
    public async Task ConsoleRace_AnsweredByLetter_ShowsTimeLeft_RoundResults_AndResults()
    {
        await using var bot = await TestBot.StartAsync(transport: AppTransport.Console);
        using var input = new TypedLines();
        var output = new WrittenLines();
        var chat = bot.Get<ConsoleChat>().RunAsync(input, output, CancellationToken.None);
        var store = bot.Get<IRaceStore>();
        char Letter(int round, bool right)
        {
            var question = store.Find(store.Running().Single().Id)!.Questions[round];
            return (char)('A' + (right ? question.Answer : (question.Answer + 1) % 4));
        }

        input.Type("/race start 3");
        await output.Changes.WaitUntilAsync(() => output.Text.Contains("Your race starts now: 3 rounds, 20 s each.", StringComparison.Ordinal)
            && output.Text.Contains("[A] [B] [C] [D]", StringComparison.Ordinal), "the race's start and its question");
        Assert.Contains("[#console]\n🏁 Race, round 1/3: ", output.Text, StringComparison.Ordinal);
        Assert.Contains("\nAnswers close in 20 s.\n[A] [B] [C] [D]\n", output.Text, StringComparison.Ordinal);

        var first = Letter(0, right: true);
        input.Type(first.ToString().ToLowerInvariant());
        await output.Changes.WaitUntilAsync(() => output.Text.Contains($"Locked in: {first}", StringComparison.Ordinal), "the lock-in");
        await bot.Time.AdvanceUntilAsync(() => output.Text.Contains("round 2/3", StringComparison.Ordinal), "round 2");
        Assert.Contains("[#console, message 1 updated]\n🏁 Race, round 1/3: ", output.Text, StringComparison.Ordinal);
        Assert.Contains("\nRight, fastest first: 1. Learner +10\nNext round ", output.Text, StringComparison.Ordinal);
        Assert.Contains("or as soon as this race's player has answered.", output.Text, StringComparison.Ordinal);

        input.Type(Letter(1, right: false).ToString());
        await output.Changes.WaitUntilAsync(() => output.Text.Contains("\nWrong: Learner\n", StringComparison.Ordinal), "round 2's result, at once");
        await bot.Time.AdvanceUntilAsync(() => output.Text.Contains("round 3/3", StringComparison.Ordinal), "round 3");
        input.Type(Letter(2, right: true).ToString());
        await output.Changes.WaitUntilAsync(() => output.Text.Contains("🏆 Race results", StringComparison.Ordinal), "the results");
        input.Type("b");
        input.Type("/quit");
        await chat.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("🏆 Race results: 3 of 3 rounds played, started by Learner\n🥇 Learner: 20 points, 2 of 3 right\nNobody got these: ", output.Text, StringComparison.Ordinal);
        Assert.EndsWith("That round is over.\n\n", output.Text, StringComparison.Ordinal);
    }

    /// <summary>Standard input as typed: each line when the test types it, the end at dispose.</summary>
    private sealed class TypedLines : TextReader
    {
        private readonly BlockingCollection<string> _lines = [];

        public void Type(string line) => _lines.Add(line);

        public override string? ReadLine() => _lines.TryTake(out var line, TimeSpan.FromSeconds(30)) ? line : null;

        protected override void Dispose(bool disposing)
        {
            _lines.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Standard output as written, from any thread (the race posts from its own), with a signal at each write.</summary>
    private sealed class WrittenLines : TextWriter
    {
        private readonly StringBuilder _text = new();

        public Signal Changes { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                    return _text.ToString();
            }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_text)
                _text.Append(value).Append('\n');
            Changes.Pulse();
            return Task.CompletedTask;
        }
    }
}
