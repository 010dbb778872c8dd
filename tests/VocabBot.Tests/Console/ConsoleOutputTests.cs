using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using VocabBot.Chat;
using VocabBot.Console;

namespace VocabBot.Tests.Console;

public sealed class ConsoleOutputTests
{
    [Fact]
    public async Task ReplyWithAPicture_WritesTheFile_AndPrintsItsPath()
    {
        using var folder = new TempFolder();
        var environment = new HostingEnvironment { ContentRootPath = folder.Path };
        var output = new ConsoleOutput(Options.Create(new ConsoleOptions { ImageDirectory = "images" }), environment, TestText.For<ChatText>());
        await using var writer = new StringWriter();
        output.Writer = writer;

        await output.ShowAsync(new ChatReply("Your progress") { Image = new ChatImage("stats.png", new byte[] { 1, 2, 3 }) }, null, default);

        var path = Path.Combine(folder.Path, "images", "stats.png");
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(path));
        Assert.Contains($"Picture: {path}", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PictureThatCannotBeSaved_IsSaidSo_AndTheReplyStillPrinted()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("images"), "a file where the folder should be");
        var environment = new HostingEnvironment { ContentRootPath = folder.Path };
        var output = new ConsoleOutput(Options.Create(new ConsoleOptions { ImageDirectory = "images" }), environment, TestText.For<ChatText>());
        await using var writer = new StringWriter();
        output.Writer = writer;

        await output.ShowAsync(new ChatReply("Your progress") { Image = new ChatImage("stats.png", new byte[] { 1, 2, 3 }) }, null, default);

        Assert.StartsWith("Your progress\n", writer.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"Picture not saved to {Path.Combine(folder.Path, "images", "stats.png")}: ", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelPost_IsPrintedUnderItsChannel_WithChannelMentionsReadable()
    {
        var output = new ConsoleOutput(Options.Create(new ConsoleOptions()), new HostingEnvironment { ContentRootPath = Path.GetTempPath() }, TestText.For<ChatText>());
        await using var writer = new StringWriter();
        output.Writer = writer;
        var messenger = new ConsoleMessenger(output);

        var id = await messenger.PostAsync("123", new ChatReply($"Posted in {ChatMention.Channel("123")}"), default);
        await messenger.EditAsync("123", id, new ChatReply("Round over"), default);

        Assert.Equal("[#123]\nPosted in #123\n\n[#123, message 1 updated]\nRound over\n\n", writer.ToString().ReplaceLineEndings("\n"));
    }
}
