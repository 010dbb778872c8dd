using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using VocabBot.Chat;
using VocabBot.Learning.Scores;

namespace VocabBot.Tests.Discord;

/// <summary>A picture attached to a reply or a channel post goes to Discord as a file beside the JSON, shown in the card.</summary>
public sealed class ImageTests
{
    private static readonly ChatImage Picture = new("stats.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }, "answers per day");

    [Fact]
    public async Task ReplyWithAPicture_IsUploadedWithTheCallback_AndShownInTheCard()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning { Picture = Picture });
        await bot.WaitUntilReadyAsync();

        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "stats"));

        var data = callback.Json.GetProperty("data");
        Assert.Equal("stats.png", data.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Equal("attachment://stats.png", data.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
        var upload = Assert.Single(bot.Discord.Uploads);
        Assert.Equal("stats.png", upload.Name);
        Assert.Equal(Picture.Content.ToArray(), upload.Content);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task ChannelPost_CanBeEditedLater_WithAPicture()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());

        var id = await bot.Messenger.PostAsync("200000000000000070", new ChatReply("Round 1"), TestContext.Timeout);
        await bot.Messenger.EditAsync("200000000000000070", id, new ChatReply("Round 1: over", new ChatCard("Results", [])) { Image = Picture }, TestContext.Timeout);

        Assert.Equal("300000000000000001", id);
        var edit = Assert.Single(bot.Discord.Requests, r => r.Method == "PATCH");
        Assert.Equal($"/channels/200000000000000070/messages/{id}", edit.Path);
        Assert.Equal("Round 1: over", edit.Json.GetProperty("content").GetString());
        Assert.Single(bot.Discord.Uploads, u => u.Route == edit.Path);
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task Stats_WithTheRealHandlers_SendsItsPngAsFiles0_BesideThePayloadJson()
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();
        bot.Host.Services.GetRequiredService<Scoreboard>().Record(Interactions.GuildId, "600000000000000001", "Ada", "loosen", true, DateTimeOffset.UtcNow);

        var callback = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "stats"));

        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal(ProgressPicture.FileName, data.GetProperty("attachments")[0].GetProperty("filename").GetString());
        Assert.Equal($"attachment://{ProgressPicture.FileName}", data.GetProperty("embeds")[0].GetProperty("image").GetProperty("url").GetString());
        var upload = Assert.Single(bot.Discord.Uploads);
        Assert.Equal(("files[0]", ProgressPicture.FileName), (upload.Field, upload.Name));
        using var picture = SKBitmap.Decode(upload.Content);
        Assert.Equal((ProgressPicture.Width, ProgressPicture.Height), (picture.Width, picture.Height));
        bot.Discord.AssertBodiesValid();
    }
}
