using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VocabBot.Race;
using VocabBot.Tests.Discord;

namespace VocabBot.Tests.Race;

/// <summary>
/// A race played through the fake Discord on a fake clock: members by name, their /race commands and clicks as
/// Discord sends them, and what the bot posted and edited in the channel.
/// </summary>
internal sealed class RaceTable(BotHarness bot, FakeTimeProvider time)
{
    public const string Channel = Interactions.ChannelId;
    public const int ManageMessages = 0x2000;
    private static readonly Dictionary<string, string> UserIds = new()
    {
        ["Ana"] = "600000000000000011",
        ["Bob"] = "600000000000000012",
        ["Cy"] = "600000000000000013",
        ["Dee"] = "600000000000000014",
    };

    public BotHarness Bot => bot;

    public static string IdOf(string name) => UserIds[name];

    /// <summary>/race start as <paramref name="name"/>, with the options given; the bot's private reply.</summary>
    public async Task<string> StartAsync(string name, int? rounds = null, int? seconds = null, string? article = null)
    {
        var options = new JsonArray();
        if (rounds is { } r)
            options.Add(new JsonObject { ["name"] = "rounds", ["type"] = 4, ["value"] = r });
        if (article is not null)
            options.Add(new JsonObject { ["name"] = "article", ["type"] = 3, ["value"] = article });
        if (seconds is { } s)
            options.Add(new JsonObject { ["name"] = "seconds", ["type"] = 4, ["value"] = s });
        var reply = await CommandAsync(name, "start", options);
        RaceId = Store.RunningIn(Channel)?.Id ?? RaceId;
        return reply;
    }

    public Task<string> StopAsync(string name, int permissions = 1024) => CommandAsync(name, "stop", [], permissions);

    /// <summary>Clicks option <paramref name="letter"/> of round <paramref name="round"/> (1 first) as <paramref name="name"/>; the private reply.</summary>
    public async Task<string> ClickAsync(string name, int round, char letter)
    {
        var race = Race();
        var click = Interactions.Click(Interactions.NewId(time), $"race:{race.Id}:{round - 1}:{letter}", userId: IdOf(name));
        click["member"]!["nick"] = name;
        return Private(await bot.InteractAsync(click));
    }

    /// <summary>The right letter of round <paramref name="round"/>, and a wrong one.</summary>
    public (char Right, char Wrong) Letters(int round)
    {
        var answer = Race().Questions[round - 1].Answer;
        return ((char)('A' + answer), (char)('A' + ((answer + 1) % 4)));
    }

    /// <summary>The bodies the bot posted in the channel (questions, results), in order.</summary>
    public List<JsonElement> Posts => [.. bot.Discord.ChannelMessages.Where(m => m.Channel == Channel).Select(m => JsonDocument.Parse(m.Body).RootElement)];

    /// <summary>The bodies the bot edited its channel messages to (round results), in order.</summary>
    public List<JsonElement> Edits => [.. bot.Discord.Requests
        .Where(r => r.Method == "PATCH" && r.Path.StartsWith($"/channels/{Channel}/messages/", StringComparison.Ordinal) && r.Status < 300)
        .Select(r => r.Json)];

    public static string Text(JsonElement message) => message.GetProperty("content").GetString()!;

    public Task WaitForPostsAsync(int count) =>
        bot.Discord.Changes.WaitUntilAsync(() => Posts.Count >= count, $"{count} channel post(s); there are {Posts.Count}:\n{string.Join("\n---\n", Posts.Select(Text))}");

    public Task WaitForEditsAsync(int count) =>
        bot.Discord.Changes.WaitUntilAsync(() => Edits.Count >= count, $"{count} edit(s); there are {Edits.Count}");

    /// <summary>Moves the fake clock on until the bot has made <paramref name="count"/> edits (rounds closed).</summary>
    public Task AdvanceUntilEditsAsync(int count) => time.AdvanceUntilAsync(() => Edits.Count >= count, $"{count} edit(s)");

    public Task AdvanceUntilPostsAsync(int count) => time.AdvanceUntilAsync(() => Posts.Count >= count, $"{count} post(s)");

    /// <summary>The race these clicks go to: the one running in the channel when it was last started here, or as set.</summary>
    public string? RaceId { get; set; }

    private RaceRecord Race() =>
        Store.Find(RaceId ?? throw new InvalidOperationException("no race was started")) ?? throw new InvalidOperationException($"race {RaceId} is not stored");

    /// <summary>Until the race is stored as finished, which it is just after its results went out (bounded, polled: the store signals nothing).</summary>
    public async Task WaitUntilFinishedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Store.Find(RaceId!) is not { Finished: true })
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"race {RaceId} did not finish");
            await Task.Delay(10);
        }
    }

    public IRaceStore Store => bot.Host.Services.GetRequiredService<IRaceStore>();

    public T Get<T>() where T : notnull => bot.Host.Services.GetRequiredService<T>();

    private async Task<string> CommandAsync(string name, string subcommand, JsonArray options, int permissions = 1024)
    {
        var interaction = Interactions.Command(Interactions.NewId(time), "race", userId: IdOf(name));
        interaction["data"]!["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = subcommand, ["options"] = options });
        interaction["member"]!["nick"] = name;
        interaction["member"]!["permissions"] = permissions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Private(await bot.InteractAsync(interaction));
    }

    // Every answer a race gives a member is private: an ephemeral message (flags 64).
    private static string Private(RecordedRequest callback)
    {
        var data = callback.Json.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        return data.GetProperty("content").GetString()!;
    }
}
