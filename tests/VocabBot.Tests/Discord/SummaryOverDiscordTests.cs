using System.Text.Json;
using System.Text.Json.Nodes;

namespace VocabBot.Tests.Discord;

/// <summary>/summary end to end through the fake Discord: the seed's summary beside its correction, in Discord's own marks.</summary>
public sealed class SummaryOverDiscordTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync(learning: null);
        await _bot.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        _bot.Discord.AssertBodiesValid();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Summary_Seed_EmbedShowsEachSentenceWithStruckAndBoldWords()
    {
        var callback = (await _bot.InteractAsync(Interactions.Command(Interactions.NewId(), "summary"))).Json;

        Assert.Equal(4, callback.GetProperty("type").GetInt32());
        var data = callback.GetProperty("data");
        Assert.Equal("The summary beside its correction, sentence by sentence (~~removed~~, **added**):", data.GetProperty("content").GetString());
        Assert.False(data.TryGetProperty("flags", out _));
        var embed = data.GetProperty("embeds")[0];
        Assert.Equal("ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon", embed.GetProperty("title").GetString());
        Assert.Equal("https://www.bbc.com/news/articles/cgqlzje32pjo", embed.GetProperty("url").GetString());
        var fields = embed.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["Sentence 1", "Sentence 2", "Sentence 3"], fields.Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(
            "Summary: Due to OpenAI didn't earn money in last quarter, some investment were worry about this decision.\n"
            + "Corrected: ~~Due to~~ **Since** OpenAI ~~didn't earn money in~~ **did not make a profit** last quarter, some ~~investment were worry~~ **investors are worried** about this decision.",
            fields[2].GetProperty("value").GetString());
        Assert.Equal("3 sentences, 3 corrected · 000_openai_amazon.md", embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Registration_HasSummaryWithAnArticleToComplete()
    {
        var put = await _bot.Discord.WaitForRequestAsync(r => r.Method == "PUT", "the registration");

        var summary = JsonNode.Parse(put.Body)!.AsArray().Single(c => (string)c!["name"]! == "summary")!;
        var article = summary["options"]!.AsArray().Single()!;
        Assert.Equal(("article", 3, false, true), ((string)article["name"]!, (int)article["type"]!, (bool?)article["required"] ?? false, (bool)article["autocomplete"]!));
    }

    [Fact]
    public async Task SummaryAutocomplete_OffersTheServersArticles()
    {
        var callback = (await _bot.InteractAsync(Interactions.Autocomplete(Interactions.NewId(), "summary", "article", "open"))).Json;

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        Assert.Equal(["000_openai_amazon.md"], callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }
}
