using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Learning.Quiz;

namespace VocabBot.Tests.Discord;

/// <summary>Discord's 3 seconds: slow synchronous handlers, interactions that arrive too late, callbacks Discord refuses.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task SynchronousSlowHandler_IsDeferred_ThenEdited()
    {
        // The handler blocks its thread for 2.5 s and never awaits: the timer must run beside it, not after it.
        var learning = new StandInLearning { DefineBlocksFor = TimeSpan.FromSeconds(2.5) };
        await using var bot = await BotHarness.StartAsync(learning);
        await bot.WaitUntilReadyAsync();
        var id = Interactions.NewId();

        var callback = await bot.InteractAsync(Interactions.Command(id, "define", new JsonObject { ["word"] = "apple" }));
        var edit = await bot.Discord.EditAsync(Interactions.TokenOf(id));

        Assert.Equal(5, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal("apple, for Ada in the guild", edit.Json.GetProperty("content").GetString());
        bot.Discord.AssertBodiesValid();
    }

    [Fact]
    public async Task InteractionOlderThanThreeSeconds_GetsNoCallback()
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var stale = Interactions.IdAt(TimeProvider.System.GetUtcNow().AddSeconds(-10));

        await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", Interactions.Command(stale, "define", new JsonObject { ["word"] = "apple" }));
        await bot.Logs.WaitForAsync($"Interaction {stale} was");
        await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "apple" }));

        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.Contains(stale, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(DiscordError.UnknownInteraction))]
    [InlineData(nameof(DiscordError.AlreadyAcknowledged))]
    public async Task RefusedCallback_IsNotRetried_AndTheAnswerStaysRecorded(string name)
    {
        await using var bot = await BotHarness.StartAsync(learning: null);
        await bot.WaitUntilReadyAsync();
        var quiz = await bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", new JsonObject { ["count"] = 2 }));
        var buttons = ButtonIds(quiz.Json);
        var click = Interactions.NewId();
        bot.Discord.FailNextWith($"/interactions/{click}/", DiscordError.Named(name));

        await bot.Discord.Gateway.DispatchAsync("INTERACTION_CREATE", Interactions.Click(click, buttons[0]));
        await bot.Logs.WaitForAsync($"Interaction {click} can no longer be answered");
        var again = await bot.InteractAsync(Interactions.Click(Interactions.NewId(), buttons[1]));

        Assert.Single(bot.Discord.Requests, r => r.Path.Contains(click, StringComparison.Ordinal));
        Assert.Contains("You already answered this question", again.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        var session = bot.Host.Services.GetRequiredService<IQuizStore>().Find(buttons[0].Split(':')[1])!;
        Assert.Equal(1, session.Answered);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("data")]
    public async Task InteractionMissingItsUserOrData_GetsAPrivateError(string missing)
    {
        await using var bot = await BotHarness.StartAsync(new StandInLearning());
        await bot.WaitUntilReadyAsync();
        var interaction = Interactions.Command(Interactions.NewId(), "define", new JsonObject { ["word"] = "apple" });
        if (missing == "member")
            interaction["member"]!.AsObject().Remove("user");
        else
            interaction.Remove("data");

        var callback = await bot.InteractAsync(interaction);

        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("could not read that request", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
        bot.Discord.AssertBodiesValid();
    }

    private static List<string> ButtonIds(JsonElement callback) =>
        [.. callback.GetProperty("data").GetProperty("components").EnumerateArray()
            .SelectMany(row => row.GetProperty("components").EnumerateArray())
            .Select(button => button.GetProperty("custom_id").GetString()!)];
}
