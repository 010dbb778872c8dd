using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VocabBot.Library;
using VocabBot.Tests.Discord;
using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.Library;

/// <summary>
/// A study group's leader manages the server's own articles from Discord, end to end through the fake Discord, which
/// serves the attached file at its own address (127.0.0.1 is an allowed attachment host here).
/// </summary>
public sealed class LibraryOverDiscordTests
{
    private const string OtherGuild = "400000000000000002";

    // Words no shipped article has, so finding them proves they came from the upload.
    private static readonly byte[] Zeugma = Note("Figures of speech", "2026/11/30",
        "zeugma | /ˈzjuːɡmə/ | n. | 軛式修辭 | A zeugma joins two ideas with one verb.",
        "litotes | /laɪˈtoʊtiːz/ | n. | 反敘法 | Not bad is a litotes.",
        "anaphora | /əˈnæfərə/ | n. | 首語重複 | The speech used anaphora.",
        "chiasmus | /kaɪˈæzməs/ | n. | 交錯配列 | A chiasmus reverses the order.",
        "hendiadys | /hɛnˈdaɪədɪs/ | n. | 重言法 | Nice and warm is a hendiadys.");

    [Fact]
    public async Task GoodFile_IsAdded_AndItsWordsAreFoundInThatServerOnly()
    {
        await using var bot = await StartAsync();

        var reply = await AddAsync(bot, "figures.md", Zeugma);

        Assert.False(reply.Private);
        Assert.Equal("Added figures.md: “Figures of speech” (2026-11-30), 5 words.", reply.Content);
        Assert.Contains("軛式修辭", (await CommandAsync(bot, "define", new JsonObject { ["word"] = "zeugmas" })).Content);
        Assert.Contains("zeugma", await CompleteAsync(bot, "define", "word", "zeu"));
        var elsewhere = await CommandAsync(bot, "define", new JsonObject { ["word"] = "zeugma" }, guild: OtherGuild);
        Assert.True(elsewhere.Private);
        Assert.Contains("'zeugma' is not in any article", elsewhere.Content);
        Assert.DoesNotContain("zeugma", await CompleteAsync(bot, "define", "word", "zeu", guild: OtherGuild));
        Assert.Contains("is not in any article", (await CommandAsync(bot, "define", new JsonObject { ["word"] = "zeugma" }, guild: null)).Content);
        // The shipped articles are still there beside the server's own.
        Assert.Contains("relationship loosened", (await CommandAsync(bot, "define", new JsonObject { ["word"] = "loosened" })).Raw);
    }

    [Fact]
    public async Task ArticleAutocomplete_OffersThisServersArticles_AndRemoveOffersOnlyItsOwn()
    {
        await using var bot = await StartAsync();
        await AddAsync(bot, "figures.md", Zeugma);

        var remove = await CompleteArticleAsync(bot, "remove", "");
        var show = await CompleteArticleAsync(bot, "show", "");
        var quizHere = await CompleteAsync(bot, "quiz", "article", "fig");
        var quizElsewhere = await CompleteAsync(bot, "quiz", "article", "fig", guild: OtherGuild);

        Assert.Equal(["figures.md"], remove);
        Assert.Equal("figures.md", show[0]); // the newest first, then the shipped article
        Assert.Equal(2, show.Count);
        Assert.Equal(["figures.md"], quizHere);
        Assert.Empty(quizElsewhere);
    }

    [Fact]
    public async Task FileWithErrors_GetsEachProblemWithItsLine_AndNothingIsStored()
    {
        await using var bot = await StartAsync();
        var broken = Encoding.UTF8.GetBytes("---\ndate: 2026/11/30\n---\n\nA `word`.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n| word | | n. | 字 | A word. |\n");

        var reply = await AddAsync(bot, "broken.md", broken);

        Assert.True(reply.Private);
        Assert.StartsWith("broken.md was not added: fix 1 problem and attach it again.\nline 1: ", reply.Content);
        Assert.Empty(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task ManyWarnings_AreStored_AndTheReplyListsTheFirstTen_AndHowManyMore()
    {
        await using var bot = await StartAsync();
        var rows = string.Join("\n", Enumerable.Range(1, 14).Select(i => $"| word{i} | /x/ | n. | 詞{i} | Word {i}. |"));
        var note = Encoding.UTF8.GetBytes($"---\ntitle: Unmarked words\ndate: 2026/11/30\n---\n\nNo word is marked here.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n{rows}\n");

        var reply = await AddAsync(bot, "unmarked.md", note);

        var lines = reply.Content.Split('\n');
        Assert.Equal("Added unmarked.md: “Unmarked words” (2026-11-30), 14 words.", lines[0]);
        Assert.Equal("14 warnings:", lines[1]);
        Assert.Equal(10, lines.Count(l => l.StartsWith("line ", StringComparison.Ordinal)));
        Assert.Equal("… and 4 more", lines[^1]);
        Assert.Single(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task SameFileName_ReplacesTheEarlierVersion()
    {
        await using var bot = await StartAsync();
        await AddAsync(bot, "figures.md", Zeugma);

        var reply = await AddAsync(bot, "figures.md", Note("Figures, revised", "2026/12/01",
            "epistrophe | /ɪˈpɪstrəfi/ | n. | 尾語重複 | The speech closed each line with epistrophe."));

        Assert.Equal("Replaced the earlier figures.md: “Figures, revised” (2026-12-01), 1 word.", reply.Content);
        Assert.Contains("尾語重複", (await CommandAsync(bot, "define", new JsonObject { ["word"] = "epistrophe" })).Content);
        Assert.True((await CommandAsync(bot, "define", new JsonObject { ["word"] = "zeugma" })).Private);
        Assert.Single(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task Remove_TakesItsWordsOutOfLookupsAndQuizzes_ButARunningQuizGoesOn()
    {
        await using var bot = await StartAsync();
        await AddAsync(bot, "figures.md", Zeugma);
        await SubcommandAsync(bot, "shipped", new JsonObject { ["use"] = "off" });
        var quiz = await CommandAsync(bot, "quiz", new JsonObject { ["count"] = 2 });
        Assert.Contains("Quiz: 2 question", quiz.Content);

        var removed = await SubcommandAsync(bot, "remove", new JsonObject { ["article"] = "figures" });

        Assert.Equal("Removed “Figures of speech” (figures.md) and its 5 words from this server's library. Members keep their points and answers.", removed.Content);
        Assert.True((await CommandAsync(bot, "define", new JsonObject { ["word"] = "zeugma" })).Private);
        Assert.Contains("this server's library has 0", (await CommandAsync(bot, "quiz")).Content);
        var answer = await ClickAsync(bot, quiz.Buttons[0]);
        Assert.DoesNotContain("no longer open", answer.Raw);
        Assert.Contains("Next", answer.Raw);
    }

    [Fact]
    public async Task ShippedOff_LeavesOnlyTheServersOwnWords_AndDirectMessagesKeepTheShippedOnes()
    {
        await using var bot = await StartAsync();
        await AddAsync(bot, "figures.md", Zeugma);

        var off = await SubcommandAsync(bot, "shipped", new JsonObject { ["use"] = "off" });

        Assert.Equal("The shipped articles are off for this server. Its library now has 1 article and 5 words.", off.Content);
        Assert.True((await CommandAsync(bot, "define", new JsonObject { ["word"] = "loosen" })).Private);
        Assert.Contains("relationship loosened", (await CommandAsync(bot, "define", new JsonObject { ["word"] = "loosen" }, guild: null)).Raw);
        var quiz = await CommandAsync(bot, "quiz", new JsonObject { ["count"] = 5 });
        var asked = Questions(bot, quiz).Select(q => q.WordKey).ToList();
        Assert.Equal(["anaphora", "chiasmus", "hendiadys", "litotes", "zeugma"], asked.Order(StringComparer.Ordinal));
        var wotd = bot.Host.Services.GetRequiredService<WordOfTheDayService>();
        var today = await wotd.TodayAsync("200000000000000009", Interactions.GuildId, TimeZoneInfo.Utc, CancellationToken.None);
        Assert.Contains(today!.Key, asked);
    }

    [Fact]
    public async Task ArticleCard_ShowsTheWords_AndTheSummaryWithItsCorrection()
    {
        await using var bot = await StartAsync();
        await AddAsync(bot, "seed-copy.md", TestFiles.Article("seed.md"));

        var shown = await SubcommandAsync(bot, "show", new JsonObject { ["article"] = "seed-copy.md" });

        Assert.True(shown.Private);
        var embed = shown.Json.GetProperty("data").GetProperty("embeds")[0];
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Contains("loosen — ", fields["Vocabulary"]);
        Assert.Contains("OpenAI will end the relationship with Microsoft", fields["Summary"]);
        Assert.Contains("OpenAI will end its partnership with Microsoft", fields["Correction"]);
        Assert.Equal("Ada in the guild", fields["Added by"]);
    }

    [Fact]
    public async Task Articles_ListsNewestFirst_TenAPage_WithPreviousAndNext()
    {
        await using var bot = await StartAsync(new() { ["Library:UploadsPerMinute"] = "20" });
        await SubcommandAsync(bot, "shipped", new JsonObject { ["use"] = "off" });
        for (var day = 1; day <= 12; day++)
            await AddAsync(bot, $"week{day:00}.md", Note($"Week {day}", $"2026/11/{day:00}", $"term{day} | /x/ | n. | 詞{day} | Term {day} here."));

        var first = await CommandAsync(bot, "articles");

        Assert.StartsWith("This server's articles: 12 articles, page 1 of 2\n1. “Week 12” (week12.md), 2026-11-12, 1 word, added by Ada in the guild", first.Content);
        Assert.Contains("10. “Week 3”", first.Content);
        Assert.DoesNotContain("Week 2”", first.Content);
        var next = await ClickAsync(bot, first.Buttons.Single(b => b.EndsWith(":1", StringComparison.Ordinal)));
        Assert.Equal(7, next.Json.GetProperty("type").GetInt32()); // the list is edited in place
        Assert.Contains("page 2 of 2\n11. “Week 2”", next.Content);
        Assert.Contains("12. “Week 1”", next.Content);
    }

    [Fact]
    public async Task Limits_RefuseAnUploadOverThem_AndNameTheLimit()
    {
        await using var bot = await StartAsync(new() { ["Library:MaxArticlesPerServer"] = "1", ["Library:MaxWordsPerServer"] = "6" });
        await AddAsync(bot, "figures.md", Zeugma);

        var tooMany = await AddAsync(bot, "other.md", Note("Other", "2026/11/29", "epistrophe | /x/ | n. | 尾語重複 | Epistrophe."));
        var tooBig = await AddAsync(bot, "figures.md", Note("Bigger", "2026/11/29", [.. Enumerable.Range(1, 7).Select(i => $"word{i} | /x/ | n. | 詞{i} | Word {i}.")]));

        Assert.Equal("other.md was not added: this server has 1 article, the most it can hold. Remove one with /article remove first.", tooMany.Content);
        Assert.Equal("figures.md was not added: its 7 words would take this server over 6 words, the most it can hold. Remove an article with /article remove first.", tooBig.Content);
        Assert.Equal("Figures of speech", Assert.Single(Store(bot).InGuild(Interactions.GuildId)).Title);
    }

    [Fact]
    public async Task Uploads_AreRateLimitedPerServer()
    {
        await using var bot = await StartAsync(new() { ["Library:UploadsPerMinute"] = "2" });
        await AddAsync(bot, "a.md", Zeugma);
        await AddAsync(bot, "b.md", Zeugma);

        var third = await AddAsync(bot, "c.md", Zeugma);
        var elsewhere = await AddAsync(bot, "c.md", Zeugma, guild: OtherGuild);

        Assert.StartsWith("This server has added 2 files in the last minute; try again in ", third.Content);
        Assert.StartsWith("Added ", elsewhere.Content);
    }

    [Fact]
    public async Task NotUtf8_TooBig_WrongType_AreRefusedClearly_AndNothingIsStored()
    {
        await using var bot = await StartAsync();

        var latin1 = await AddAsync(bot, "latin1.md", TestFiles.Article("not-utf8.md"));
        var big = await AddAsync(bot, "big.md", new byte[300 * 1024]);
        var pdf = await AddAsync(bot, "notes.pdf", Zeugma);

        Assert.Contains("not UTF-8", latin1.Content);
        Assert.Equal("big.md is 300 KB; the most is 256 KB.", big.Content);
        Assert.Equal("'notes.pdf' is not a note file: attach a .md or .txt file written like the study notes.", pdf.Content);
        Assert.All(new[] { latin1, big, pdf }, r => Assert.True(r.Private));
        Assert.Empty(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task FileProblems_AreToldInTheUsersLanguage()
    {
        await using var bot = await StartAsync();
        var url = bot.Discord.ServeFile("big.md", new byte[300 * 1024]);
        var add = AddInteraction(url, "big.md", 10, Interactions.GuildId, manager: true); // a size understated: found out while downloading
        add["locale"] = "zh-TW";

        var big = await SendAsync(bot, add);

        Assert.Matches(@"^big\.md 有 [0-9.]+ KB；上限是 256 KB。$", big.Content);
    }

    [Fact]
    public async Task ParserProblems_AreToldInTheUsersLanguage_WithTheirLines()
    {
        await using var bot = await StartAsync();
        var broken = Encoding.UTF8.GetBytes("---\ndate: 2026/11/30\n---\n\nA `word`.\n");
        var unmarked = Encoding.UTF8.GetBytes("---\ntitle: Unmarked\ndate: 30 Nov\n---\n\nNothing marked.\n\n| Word | IPA | POS | Chinese | Example |\n|---|---|---|---|---|\n| word | /w/ | n. | 字 | A word. |\n");

        var error = await SendAsync(bot, InChinese(AddInteraction(bot.Discord.ServeFile("broken.md", broken), "broken.md", broken.Length, Interactions.GuildId, manager: true)));
        var warnings = await SendAsync(bot, InChinese(AddInteraction(bot.Discord.ServeFile("unmarked.md", unmarked), "unmarked.md", unmarked.Length, Interactions.GuildId, manager: true)));

        Assert.Equal("broken.md 沒有加入：請修正 1 個問題後再附上一次。\n第 1 行：front matter 裡沒有標題（加一行 'title: ...'）", error.Content);
        var lines = warnings.Content.Split('\n');
        Assert.Contains("第 3 行：日期 '30 Nov' 不是像 2025/11/07 或 2025-11-07 的日期", lines);
        Assert.Contains("第 10 行：'word' 在單字表裡，但文章中沒有用 `反引號` 標出", lines);
    }

    private static JsonObject InChinese(JsonObject interaction)
    {
        interaction["locale"] = "zh-TW";
        return interaction;
    }

    [Fact]
    public async Task DownloadThatHangs_GetsAClearPrivateReply_AndNothingIsStored()
    {
        await using var bot = await StartAsync(new() { ["Discord:AttachmentTimeout"] = "00:00:02" });
        bot.Discord.HoldNext("/attachments/slow.md");

        var reply = await AddAsync(bot, "slow.md", Zeugma);

        Assert.True(reply.Deferred); // the interaction was acknowledged within Discord's 3 seconds, the answer came later
        Assert.True(reply.Private);
        Assert.Contains("took longer than 2 s", reply.Content);
        Assert.Empty(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task NonManagers_AndDirectMessages_AreRefused()
    {
        await using var bot = await StartAsync();
        var url = bot.Discord.ServeFile("figures.md", Zeugma);

        var member = await SendAsync(bot, AddInteraction(url, "figures.md", Zeugma.Length, Interactions.GuildId, manager: false));
        var direct = await SendAsync(bot, AddInteraction(url, "figures.md", Zeugma.Length, guild: null, manager: false));

        Assert.Equal("Only members with the Manage Server permission can manage this server's articles.", member.Content);
        Assert.Equal("Manage a server's articles from that server, not a direct message.", direct.Content);
        Assert.Empty(Store(bot).InGuild(Interactions.GuildId));
    }

    [Fact]
    public async Task Restart_KeepsTheServersArticles()
    {
        var folder = Directory.CreateTempSubdirectory("vocabbot-library-").FullName;
        try
        {
            await using (var first = await StartAsync(databaseFolder: folder))
                await AddAsync(first, "figures.md", Zeugma);

            await using var second = await StartAsync(databaseFolder: folder);
            Assert.Contains("軛式修辭", (await CommandAsync(second, "define", new JsonObject { ["word"] = "zeugma" })).Content);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<BotHarness> StartAsync(Dictionary<string, string?>? settings = null, string? databaseFolder = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Discord:AttachmentHosts:0"] = "127.0.0.1",
            ["Discord:AttachmentTimeout"] = "00:00:10",
        };
        foreach (var (key, value) in settings ?? [])
            all[key] = value;
        var bot = await BotHarness.StartAsync(learning: null, databaseFolder: databaseFolder, settings: all);
        await bot.WaitUntilReadyAsync();
        return bot;
    }

    private static ILibraryStore Store(BotHarness bot) => bot.Host.Services.GetRequiredService<ILibraryStore>();

    private static List<VocabBot.Learning.Quiz.QuizQuestion> Questions(BotHarness bot, Reply quiz)
    {
        var session = quiz.Buttons[0].Split(':')[1];
        return bot.Host.Services.GetRequiredService<VocabBot.Learning.Quiz.IQuizStore>().Find(session)!.Questions;
    }

    private static byte[] Note(string title, string date, params string[] rows)
    {
        var words = rows.Select(r => r.Split('|')[0].Trim());
        var body = string.Join(' ', words.Select(w => $"They talked about `{w}` today."));
        var table = string.Join('\n', rows.Select(r => $"| {r} |"));
        return Encoding.UTF8.GetBytes($"---\ntitle: {title}\ndate: {date}\nlink: https://example.com/notes\n---\n\n{body}\n\n| Word | IPA | POS | Chinese | Example |\n|------|-----|-----|---------|---------|\n{table}\n");
    }

    private static Task<Reply> AddAsync(BotHarness bot, string name, byte[] content, string? guild = Interactions.GuildId)
    {
        var url = bot.Discord.ServeFile(name, content);
        return SendAsync(bot, AddInteraction(url, name, content.Length, guild, manager: true));
    }

    private static Task<Reply> CommandAsync(BotHarness bot, string name, JsonObject? options = null, string? guild = Interactions.GuildId) =>
        SendAsync(bot, InGuild(Interactions.Command(Interactions.NewId(), name, options, manager: true), guild));

    /// <summary>/article SUBCOMMAND with string options, from a server manager.</summary>
    private static Task<Reply> SubcommandAsync(BotHarness bot, string subcommand, JsonObject options)
    {
        var interaction = Interactions.Command(Interactions.NewId(), "article", manager: true);
        interaction["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["type"] = 1,
            ["name"] = subcommand,
            ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject { ["name"] = o.Key, ["type"] = 3, ["value"] = o.Value!.DeepClone() })]),
        });
        return SendAsync(bot, interaction);
    }

    private static async Task<List<string>> CompleteAsync(BotHarness bot, string command, string option, string typed, string? guild = Interactions.GuildId)
    {
        var interaction = InGuild(Interactions.Autocomplete(Interactions.NewId(), command, option, typed), guild);
        var callback = await bot.InteractAsync(interaction);
        return [.. callback.Json.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
    }

    /// <summary>Autocomplete of /article SUBCOMMAND's article option, nested as Discord sends a subcommand's options.</summary>
    private static async Task<List<string>> CompleteArticleAsync(BotHarness bot, string subcommand, string typed)
    {
        var interaction = Interactions.Autocomplete(Interactions.NewId(), "article", "article", typed);
        var focused = interaction["data"]!["options"]!.DeepClone();
        interaction["data"]!["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = subcommand, ["options"] = focused });
        var callback = await bot.InteractAsync(interaction);
        return [.. callback.Json.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
    }

    private static Task<Reply> ClickAsync(BotHarness bot, string customId) =>
        SendAsync(bot, Interactions.Click(Interactions.NewId(), customId));

    /// <summary>Moves an interaction to another server, or into a direct message when <paramref name="guild"/> is null.</summary>
    private static JsonObject InGuild(JsonObject interaction, string? guild)
    {
        if (guild is null)
        {
            var user = interaction["member"]!["user"]!.DeepClone();
            interaction.Remove("member");
            interaction.Remove("guild_id");
            interaction["user"] = user;
        }
        else
        {
            interaction["guild_id"] = guild;
        }

        return interaction;
    }

    private static JsonObject AddInteraction(string url, string name, long size, string? guild, bool manager) =>
        InGuild(Interactions.ArticleAdd(url, name, size, manager), guild);

    /// <summary>The reply a user sees: the callback's message, or, after a deferral, the edit or the private followup.</summary>
    private static async Task<Reply> SendAsync(BotHarness bot, JsonObject interaction)
    {
        var callback = await bot.InteractAsync(interaction);
        var json = callback.Json;
        var type = json.GetProperty("type").GetInt32();
        if (type is 5 or 6)
        {
            var token = Interactions.TokenOf((string)interaction["id"]!);
            var late = await bot.Discord.WaitForRequestAsync(
                r => r.Path.Contains($"/{token}", StringComparison.Ordinal) && r.Status < 300
                    && (r.Method == "PATCH" || (r.Method == "POST" && r.Path.EndsWith(token, StringComparison.Ordinal))),
                $"the late reply to {token}");
            using var body = JsonDocument.Parse(late.Body.Length == 0 ? "{}" : late.Body);
            return Reply.Of(JsonDocument.Parse($$"""{"type":{{type}},"data":{{body.RootElement.GetRawText()}}}""").RootElement.Clone()) with { Deferred = true };
        }

        return Reply.Of(json);
    }

    private sealed record Reply(JsonElement Json, string Content, bool Private, List<string> Buttons)
    {
        public string Raw => Json.GetRawText();

        /// <summary>Whether the first answer was a deferral and this is the message that followed it.</summary>
        public bool Deferred { get; init; }

        public static Reply Of(JsonElement json)
        {
            var data = json.TryGetProperty("data", out var d) ? d : default;
            var content = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "";
            var flags = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("flags", out var f) ? f.GetInt32() : 0;
            var buttons = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("components", out var rows)
                ? rows.EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()!).ToList()
                : [];
            return new Reply(json, content, (flags & 64) != 0, buttons);
        }
    }
}
