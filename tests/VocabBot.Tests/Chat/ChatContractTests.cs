using VocabBot.Chat;
using VocabBot.Console;

namespace VocabBot.Tests.Chat;

public sealed class ChatContractTests
{
    [Theory]
    [InlineData("quiz:abc:0:2", "quiz", 3)]
    [InlineData("define:loosen", "define", 1)]
    [InlineData("help", "help", 0)]
    public void ButtonId_ParsesWhatItFormats(string text, string kind, int args)
    {
        Assert.True(ButtonId.TryParse(text, out var id));

        Assert.Equal((kind, args), (id.Kind, id.Args.Count));
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(":x")]
    [InlineData(null)]
    public void ButtonId_RefusesWhatNoButtonOfOursCarries(string? text)
    {
        Assert.False(ButtonId.TryParse(text, out _));
        Assert.False(ButtonId.TryParse(new string('q', ButtonId.MaxLength + 1), out _));
    }

    [Fact]
    public void ButtonId_CannotBeMadeTooLongOrWithTheSeparatorInAPart()
    {
        Assert.Throws<ArgumentException>(() => new ButtonId("quiz", "a:b"));
        Assert.Throws<ArgumentException>(() => new ButtonId("quiz", new string('x', 100)));
    }

    [Fact]
    public async Task Router_HelpListsSubcommands_AndUnknownButtonsAreNotActive()
    {
        var router = new ChatRouter([new Race()], [], TestText.For<ChatText>());

        var help = await router.HandleAsync(Request("help"), default);
        var click = await router.ClickAsync(new ButtonClick("u", "U", "g", new ButtonId("gone", "1")), default);

        Assert.Equal("/race start [rounds]: Start a race\n/race stop: Stop it\n/help: What each command does", help.Text);
        Assert.Equal("That button is no longer active.", click.Text);
    }

    [Fact]
    public void ConsoleParse_ReadsTheSubcommand_AFileOption_AndTheLanguage()
    {
        var definitions = new ChatRouter([new Article()], [], TestText.For<ChatText>()).Definitions;

        var request = ConsoleRenderer.Parse("/article add notes/week 12.md", definitions, new ConsoleOptions { Language = "zh-TW" });

        Assert.Equal(("article", "add", "zh-TW"), (request.Command, request.Subcommand, request.Locale));
        var file = Assert.IsType<ConsoleFile>(request.File("file"));
        Assert.Equal("week 12.md", file.Name);
        Assert.Equal("en-US", ConsoleRenderer.Parse("/stats", definitions, new ConsoleOptions()).Locale);
    }

    [Fact]
    public async Task ConsoleFile_SaysClearlyWhenThePathHasNoFile()
    {
        var file = new ConsoleFile(Path.Combine(Path.GetTempPath(), "no-such-note-" + Guid.NewGuid().ToString("N") + ".md"));

        var error = await Assert.ThrowsAsync<ChatFileException>(() => file.ReadAsync(1024, default));

        Assert.StartsWith("There is no file at", error.Describe(TestText.For<ChatText>()), StringComparison.Ordinal);
    }

    private static ChatRequest Request(string command) => new("u", "U", "g", command, new Dictionary<string, string>());

    private sealed class Race : IChatCommand
    {
        public CommandDefinition Definition { get; } = new("race", "Races", [])
        {
            Subcommands = [new("start", "Start a race", [new("rounds", "How many", CommandOptionType.Integer)]), new("stop", "Stop it", [])],
        };

        public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) => Task.FromResult(new ChatReply(request.Subcommand ?? ""));
    }

    private sealed class Article : IChatCommand
    {
        public CommandDefinition Definition { get; } = new("article", "Articles", [])
        {
            Subcommands = [new("add", "Add one", [new("file", "The file", CommandOptionType.File, Required: true)])],
        };

        public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken) => Task.FromResult(new ChatReply(""));
    }
}
