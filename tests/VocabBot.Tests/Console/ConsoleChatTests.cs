using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;
using VocabBot.Chat;
using VocabBot.Console;
using VocabBot.Content;
using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Console;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Console_DefineThenQuiz_PrintsCardFieldsAndLetteredButtons()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ChatAsync(bot, "/define loosened", "/quiz 2", "a", "next", "2", "/quit", "/stats");

        Assert.StartsWith("VocabBot console: 41 words from 1 article. /help lists the commands, /quit leaves.\n", output);
        Assert.Contains("loosened → loosen: 放鬆；減弱\n== loosen ==\nIPA: /ˈluːsən/\nPart of speech: v.\n", output);
        Assert.Contains("Quiz: 2 questions.\nQuestion 1/2: ", output);
        foreach (var key in new[] { "[A] ", "[B] ", "[C] ", "[D] ", "[next] Next" })
            Assert.Contains("\n" + key, output);
        Assert.Contains("Question 2/2: ", output);
        Assert.Contains("Quiz finished: ", output);
        Assert.DoesNotContain("Stats for", output);
    }

    [Fact]
    public async Task Console_StatsAfterAQuiz_WritesThePictureToAFile_AndPrintsItsPath()
    {
        await using var bot = await TestBot.StartAsync();
        using var images = new TempFolder();
        var options = Options.Create(new ConsoleOptions { ImageDirectory = images.Path });

        var output = await ChatAsync(bot, options, "/quiz 1", "a", "/stats");

        var path = Path.Combine(images.Path, ProgressPicture.FileName);
        Assert.Contains($"\nPicture: {path}\n", output, StringComparison.Ordinal);
        using var picture = SKBitmap.Decode(path);
        Assert.Equal((ProgressPicture.Width, ProgressPicture.Height), (picture.Width, picture.Height));
    }

    [Fact]
    public async Task Console_AnswerWithNoQuizOpen_RepliesOneLine()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ChatAsync(bot, "b");

        Assert.EndsWith("'b' is not a command and no question is open; start one with /quiz, or /help.\n\n", output);
    }

    [Fact]
    public async Task Console_AnswerOutOfRange_SaysWhatToPress()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ChatAsync(bot, "/quiz 1", "e");

        Assert.EndsWith("'e' is not an answer here; press A, B, C, D.\n\n", output);
    }

    [Fact]
    public async Task Console_BadInput_RepliesOneLineEach()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ChatAsync(bot, "/quiz 99", "/fly", "/define", "/quiz 3 nowhere", "/leaderboard month");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            "The count must be a whole number from 1 to 20, not '99'; e.g. /quiz 5.",
            "Unknown command /fly; /help lists the commands.",
            "Give a word to look up, e.g. /define loosen.",
            "No article matches 'nowhere'; leave it out or pick one the autocomplete offers.",
            "The period is 'all' or 'week', not 'month'; e.g. /leaderboard week.",
        ], lines.Skip(1));
    }

    [Fact]
    public async Task Console_EndOfInput_EndsTheChat()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ChatAsync(bot, "/leaderboard");

        Assert.EndsWith("Leaderboard, all time: no answers yet; be the first with /quiz.\n\n", output);
    }

    [Fact]
    public async Task Console_StopRequestedAsAReplyIsWritten_EndsTheChatWithoutAnError()
    {
        // SIGTERM while the reply to the last line goes out: the chat ends, it does not throw.
        await using var bot = await TestBot.StartAsync();
        var chat = new ConsoleChat(bot.Commands, bot.Get<Vocabulary>(), new ConsoleOutput(Options.Create(new ConsoleOptions()), bot.Get<IHostEnvironment>(), TestText.For<ChatText>()), Options.Create(new ConsoleOptions()), TestText.For<ChatText>(), NullLogger<ConsoleChat>.Instance);
        using var stopping = new CancellationTokenSource();
        using var input = new StringReader("/define loosened\n/define paved\n");
        await using var output = new StopWhenWritten(stopping, "loosen");

        await chat.RunAsync(input, output, stopping.Token).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("loosen", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pave", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Requests the stop once a line containing <paramref name="marker"/> has been written.</summary>
    private sealed class StopWhenWritten(CancellationTokenSource stopping, string marker) : StringWriter
    {
        public override async Task WriteLineAsync(string? value)
        {
            await base.WriteLineAsync(value);
            if (value?.Contains(marker, StringComparison.Ordinal) == true)
                await stopping.CancelAsync();
        }
    }

    [Fact]
    public async Task Console_ManagesItsOneServersArticles_FromALocalFile()
    {
        using var notes = new TempContent().Article("figures.md", "Figures of speech", "2026/11/30",
            "zeugma | /ˈzjuːɡmə/ | n. | 軛式修辭 | A zeugma joins two ideas.", "litotes | /laɪˈtoʊtiːz/ | n. | 反敘法 | Not bad is a litotes.");
        await using var bot = await TestBot.StartAsync();
        var file = Path.Combine(notes.Directory, "figures.md");

        var output = await ChatAsync(bot, $"/article add {file}", "/define zeugma", "/articles", "/article show figures", "/article remove figures.md", "/define zeugma");

        Assert.Contains("Added figures.md: “Figures of speech” (2026-11-30), 2 words.\n", output);
        Assert.Contains("zeugma: 軛式修辭\n", output);
        Assert.Contains("This server's articles: 2 articles, page 1 of 1\n1. “Figures of speech” (figures.md), 2026-11-30, 2 words, added by ", output);
        Assert.Contains("== Figures of speech ==", output);
        Assert.Contains("Removed “Figures of speech” (figures.md) and its 2 words from this server's library.", output);
        Assert.EndsWith("'zeugma' is not in any article; try another word or phrase.\n\n", output);
    }

    [Theory]
    [InlineData("/quiz 3 000_openai_amazon", "quiz", "count=3;article=000_openai_amazon")]
    [InlineData("/quiz 3 cloze ChatGPT owner OpenAI", "quiz", "count=3;kind=cloze;article=ChatGPT owner OpenAI")]
    [InlineData("/quiz ChatGPT owner OpenAI", "quiz", "article=ChatGPT owner OpenAI")]
    [InlineData("/quiz OpenAI signs", "quiz", "article=OpenAI signs")]
    [InlineData("/review 4", "review", "count=4")]
    [InlineData("/define getting access", "define", "word=getting access")]
    [InlineData("/LEADERBOARD week", "leaderboard", "period=week")]
    [InlineData("/stats", "stats", "")]
    public async Task Parse_Line_FillsOptionsInOrder(string line, string command, string options)
    {
        await using var bot = await TestBot.StartAsync();

        var request = ConsoleRenderer.Parse(line, bot.Commands.Definitions, new ConsoleOptions { UserId = "u", UserName = "U", GuildId = "g" });

        Assert.Equal(command, request.Command);
        Assert.Equal(options, string.Join(';', request.Options.Select(o => $"{o.Key}={o.Value}")));
    }

    /// <summary>Runs the console chat over <paramref name="lines"/> typed in turn and returns all it printed.</summary>
    internal static Task<string> ChatAsync(TestBot bot, params string[] lines) => ChatAsync(bot, new ConsoleOptions(), lines);

    private static Task<string> ChatAsync(TestBot bot, IOptions<ConsoleOptions> options, params string[] lines) => ChatAsync(bot, options.Value, lines);

    /// <summary>As above, with the console's settings (its Language, for one).</summary>
    internal static async Task<string> ChatAsync(TestBot bot, ConsoleOptions settings, params string[] lines)
    {
        var chat = new ConsoleChat(bot.Commands, bot.Get<Vocabulary>(), new ConsoleOutput(Options.Create(settings), bot.Get<IHostEnvironment>(), TestText.For<ChatText>()), Options.Create(settings), TestText.For<ChatText>(), NullLogger<ConsoleChat>.Instance);
        using var input = new StringReader(string.Join('\n', lines) + "\n");
        await using var output = new StringWriter { NewLine = "\n" };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await chat.RunAsync(input, output, timeout.Token);
        return output.ToString();
    }
}
