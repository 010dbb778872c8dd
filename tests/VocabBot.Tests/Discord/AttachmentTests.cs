using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Chat;
using VocabBot.Discord;

namespace VocabBot.Tests.Discord;

/// <summary>A file attached to a command (option type 11): read from the interaction, downloaded only from allowed hosts, bounded in size and time.</summary>
public sealed class AttachmentTests
{
    private static readonly byte[] Note = Encoding.UTF8.GetBytes("---\ntitle: A note\n---\n");

    [Fact]
    public async Task AttachedFile_IsReadFromTheInteraction_AndDownloadedFromAnAllowedHost()
    {
        await using var bot = await StartAsync();
        var url = bot.Discord.ServeFile("note.md", Note);

        var request = Read(bot, AddCommand(url, Note.Length));
        var file = request.File("file")!;
        var bytes = await file.ReadAsync(256 * 1024, TestContext.Timeout);

        Assert.Equal(("article", "add", "zh-TW"), (request.Command, request.Subcommand, request.Locale));
        Assert.Equal(("note.md", (long?)Note.Length), (file.Name, file.Size));
        Assert.Equal(Note, bytes);
    }

    [Fact]
    public async Task FileOnAnotherHost_IsNotDownloaded()
    {
        await using var bot = await StartAsync(hosts: "cdn.discordapp.com");
        var url = bot.Discord.ServeFile("note.md", Note);

        var file = Read(bot, AddCommand(url, Note.Length)).File("file")!;
        var error = await Assert.ThrowsAsync<ChatFileException>(() => file.ReadAsync(1024, TestContext.Timeout));

        Assert.Contains("not stored on Discord's file servers", error.Describe(TestText.For<ChatText>()), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileLargerThanAllowed_IsRefused_EvenWhenItsSizeWasUnderstated()
    {
        await using var bot = await StartAsync();
        var url = bot.Discord.ServeFile("big.md", new byte[300 * 1024]);

        var file = Read(bot, AddCommand(url, size: 10)).File("file")!;
        var error = await Assert.ThrowsAsync<ChatFileException>(() => file.ReadAsync(256 * 1024, TestContext.Timeout));

        Assert.Contains("the most is 256 KB", error.Describe(TestText.For<ChatText>()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadThatHangs_EndsAtTheTimeout()
    {
        var time = new FakeTimeProvider(TestBot.Start);
        await using var bot = await StartAsync(time: time);
        var url = bot.Discord.ServeFile("slow.md", Note);
        bot.Discord.HoldNext("/attachments/slow.md");

        var file = Read(bot, AddCommand(url, Note.Length)).File("file")!;
        // The caller's own bound, far past the fake clock's 10 s: on a loaded box a 10-s real bound could end first.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var read = file.ReadAsync(1024, bound.Token);
        await bot.Discord.WaitForRequestAsync(r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal), "the download");
        time.Advance(TimeSpan.FromSeconds(10));
        var error = await Assert.ThrowsAsync<ChatFileException>(() => read.WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("took longer than 10 s", error.Describe(TestText.For<ChatText>()), StringComparison.Ordinal);
    }

    private static Task<BotHarness> StartAsync(string hosts = "127.0.0.1", TimeProvider? time = null) =>
        BotHarness.StartAsync(new StandInLearning(), time: time, settings: new Dictionary<string, string?>
        {
            ["Discord:AttachmentHosts:0"] = hosts,
            ["Discord:AttachmentTimeout"] = "00:00:10",
        });

    private static ChatRequest Read(BotHarness bot, JsonObject interaction)
    {
        var attachments = bot.Host.Services.GetRequiredService<DiscordAttachments>();
        using var document = JsonDocument.Parse(interaction.ToJsonString());
        return InteractionReader.Command(document.RootElement.Clone(), attachments.From);
    }

    private static JsonObject AddCommand(string url, long size)
    {
        var interaction = Interactions.ArticleAdd(url, Path.GetFileName(new Uri(url).LocalPath), size);
        interaction["locale"] = "zh-TW";
        return interaction;
    }
}
