using VocabBot.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Discord;
using VocabBot.Learning;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Discord;

/// <summary>A 401 means the token is wrong or was reset: the bot stops, as it does on the gateway's close 4004.</summary>
public sealed class TokenRefusedTests
{
    [Fact]
    public async Task Unauthorized_OnAnyRestCall_StopsTheBot_AndSendsNothingMore()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var stopping = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        bot.Discord.FailNextWith("/channels/", DiscordError.Unauthorized);

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync("200000000000000094", new ChatReply("hello"), TestContext.Timeout));
        await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));
        var held = await Assert.ThrowsAsync<DiscordApiException>(() => bot.Poster.PostAsync("200000000000000094", new ChatReply("hello"), TestContext.Timeout));

        Assert.Equal((401, 0), (refused.StatusCode, refused.ErrorCode));
        Assert.Null(held.StatusCode);
        Assert.Single(bot.Discord.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Single(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal)
            && l.Contains("Discord refused the bot token (HTTP 401 on POST /channels/{channel.id}/messages): check Discord:Token.", StringComparison.Ordinal));
        bot.Logs.AssertNeverContains(bot.Token);
    }

    [Fact]
    public async Task Unauthorized_AtStart_ExitsOne_WithALineThatNamesTheSetting()
    {
        await using var discord = await FakeDiscord.StartAsync();
        discord.FailNextWith("/gateway/bot", DiscordError.Unauthorized);
        var token = "refused-token-" + Guid.NewGuid().ToString("N");
        var folder = Directory.CreateTempSubdirectory("vocabbot-401-");
        try
        {
            var (code, _, error) = PublishedApp.Run("dotnet", [Paths.AppDll], Paths.RepositoryRoot, null, TimeSpan.FromMinutes(1), new Dictionary<string, string>
            {
                ["Discord__Token"] = token,
                ["Discord__ApiBaseUrl"] = discord.ApiBaseUrl,
                ["Storage__DatabasePath"] = Path.Combine(folder.FullName, "vocabbot.db"),
                ["Content__Watch"] = "false",
                ["DOTNET_ENVIRONMENT"] = "Production",
            });

            Assert.True(code == 1, $"exit {code}; stderr:\n{error}");
            Assert.Contains("Discord refused the bot token (HTTP 401 on GET /gateway/bot): check Discord:Token.", error, StringComparison.Ordinal);
            Assert.DoesNotContain(token, error, StringComparison.Ordinal);
            Assert.Single(discord.Requests);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
