using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Learning.Quiz;

namespace VocabBot.Tests.Discord;

/// <summary>
/// /summary and the correction questions of /quiz end to end through the fake Discord: the seed's summary beside its
/// correction in Discord's own marks, and a sentence to correct with lettered buttons, scored like any answer.
/// </summary>
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
    public async Task CorrectionQuiz_LetteredButtons_RightAnswerScoresOnTheLeaderboard()
    {
        var quiz = (await _bot.InteractAsync(Interactions.Command(Interactions.NewId(), "quiz", new JsonObject { ["count"] = 1, ["kind"] = "correction" }))).Json;

        var data = quiz.GetProperty("data");
        var buttons = data.GetProperty("components")[0].GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "C", "D"], buttons.Select(b => b.GetProperty("label").GetString()));
        var content = data.GetProperty("content").GetString()!;
        Assert.StartsWith("Quiz: 1 correction question.\nQuestion 1/1: Which version of this sentence from the summary of", content);
        var ids = buttons.Select(b => b.GetProperty("custom_id").GetString()!).ToList();
        var parts = ids[0].Split(':');
        var question = _bot.Host.Services.GetRequiredService<IQuizStore>().Find(parts[1])!.Questions[0];
        Assert.Contains($"\n{(char)('A' + question.Answer)}. {question.Options[question.Answer]}", content);

        var answered = (await _bot.InteractAsync(Interactions.Click(Interactions.NewId(), ids[question.Answer]))).Json;
        var board = (await _bot.InteractAsync(Interactions.Command(Interactions.NewId(), "leaderboard"))).Json;

        Assert.Equal(7, answered.GetProperty("type").GetInt32());
        Assert.StartsWith("✅ Right! +10 points\nAnswer: ", answered.GetProperty("data").GetProperty("content").GetString());
        Assert.Contains("\nChanges: ", answered.GetProperty("data").GetProperty("content").GetString());
        Assert.Equal("Leaderboard, all time:\n1. Ada in the guild (you): 10 points, 100% right of 1", board.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public async Task Registration_QuizHasAKindWithItsChoices()
    {
        var put = await _bot.Discord.WaitForRequestAsync(r => r.Method == "PUT", "the registration");

        var quiz = JsonNode.Parse(put.Body)!.AsArray().Single(c => (string)c!["name"]! == "quiz")!;
        var kind = quiz["options"]!.AsArray().Single(o => (string)o!["name"]! == "kind")!;
        Assert.Equal(["meaning", "reverse", "cloze", "correction", "mixed"], kind["choices"]!.AsArray().Select(c => (string)c!["value"]!));
    }

    [Fact]
    public async Task SummaryAutocomplete_OffersTheServersArticles()
    {
        var callback = (await _bot.InteractAsync(Interactions.Autocomplete(Interactions.NewId(), "summary", "article", "open"))).Json;

        Assert.Equal(8, callback.GetProperty("type").GetInt32());
        Assert.Equal(["000_openai_amazon.md"], callback.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }
}
