using System.Text.RegularExpressions;
using VocabBot.Chat;
using VocabBot.Console;
using VocabBot.Library;
using VocabBot.Tests.Console;

namespace VocabBot.Tests.Chat;

/// <summary>
/// A zh-TW user's session through the real host: every interface text is Traditional Chinese, and what stays English is
/// the vocabulary itself (headwords, IPA, examples, article titles and links), the user's name and command names.
/// </summary>
public sealed partial class ZhTwTranscriptTests
{
    private const string User = "zh";
    private const string Guild = "guild";

    [Fact]
    public async Task ZhTw_DefineQuizStatsWotd_AreAllInTraditionalChinese()
    {
        await using var bot = await TestBot.StartAsync();
        var content = Content(bot);

        var define = await SendAsync(bot, "define", ("word", "loosened"));
        Assert.Equal("loosened → loosen: 放鬆；減弱", define.Text);
        Assert.Equal(["音標", "詞性", "中文", "例句", "文中原句", "文章"], define.Card!.Fields.Select(f => f.Name));
        AssertNoEnglishUi(define, content);

        var quiz = await SendAsync(bot, "quiz", ("count", "1"), ("kind", "meaning"));
        var question = bot.QuestionOf(quiz);
        Assert.Equal($"測驗：共 1 題。\n第 1/1 題：「{question.Headword}」是什麼意思？", quiz.Text);
        AssertNoEnglishUi(quiz, content);

        var answered = await ClickAsync(bot, bot.RightButton(quiz));
        Assert.Equal(
            $"✅ 答對了！+10 分\n答案：{question.Headword} — {question.Meaning}\n例句：{question.Example}\n成績：答對 1/1 題，10 分\n"
            + "測驗結束：1 題答對 1 題，10 分。單字到期時 /review 會帶你複習；/stats 可以看你的進度。",
            answered.Text);
        AssertNoEnglishUi(answered, content);

        var stats = await SendAsync(bot, "stats");
        Assert.Equal("10 分，連續 1 天，現在有 0 個單字到期。", stats.Text);
        Assert.Equal($"{TestBot.Name(User)} 的學習統計", stats.Card!.Title);
        Assert.Equal(["積分: 10", "作答數: 1", "正確率: 100%", "連續天數: 1 天", "已學單字: 1", "現在到期: 0"],
            stats.Card.Fields.Select(f => $"{f.Name}: {f.Value}"));
        Assert.Matches(@"^下一個單字到期：\d+ (天|小時|分鐘)後$", stats.Card.Footer);
        AssertNoEnglishUi(stats, content);

        var wotd = await SendAsync(bot, "wotd");
        var headword = wotd.Card!.Title.Replace("📖 ", "", StringComparison.Ordinal);
        Assert.Equal($"每日一字：{headword}", wotd.Text);
        Assert.Equal("每日一字", wotd.Card.Footer);
        Assert.Equal(["考考我", "查詢"], wotd.ButtonList.Select(b => b.Label));
        AssertNoEnglishUi(wotd, content);

        var quizMe = await ClickAsync(bot, wotd.ButtonList[0]);
        Assert.StartsWith($"測驗：{headword}。\n第 1/1 題：", quizMe.Text, StringComparison.Ordinal);
        AssertNoEnglishUi(quizMe, content);
    }

    [Fact]
    public async Task ZhTw_Errors_AreInTraditionalChinese()
    {
        await using var bot = await TestBot.StartAsync();

        Assert.Equal("「zzqx」不在任何文章裡；請換個單字或片語試試。", (await SendAsync(bot, "define", ("word", "zzqx"))).Text);
        Assert.Equal("題數必須是 1 到 20 的整數，不能是「99」；例如 /quiz 5。", (await SendAsync(bot, "quiz", ("count", "99"))).Text);
        Assert.Equal("你還沒有要複習的單字；先用 /quiz 回答一些題目吧。", (await SendAsync(bot, "review")).Text);
        Assert.Equal("沒有 /dance 這個指令；/help 會列出所有指令。", (await SendAsync(bot, "dance")).Text);
        Assert.Contains("/define word: 查詢學習文章裡的單字", (await SendAsync(bot, "help")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wotd_InAZhTwServer_IsInChinese_WhateverTheUsersLanguage()
    {
        await using var bot = await TestBot.StartAsync();

        var wotd = await bot.Commands.HandleAsync(
            new ChatRequest(User, TestBot.Name(User), Guild, "wotd", new Dictionary<string, string>()) { GuildLocale = ChatLocale.TraditionalChinese },
            CancellationToken.None);

        Assert.StartsWith("每日一字：", wotd.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConsoleInZhTw_Define_PrintsChineseFieldNames()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ConsoleChatTests.ChatAsync(bot, new ConsoleOptions { Language = "zh-TW" }, "/define loosened", "/quit");

        Assert.Contains("loosened → loosen: 放鬆；減弱\n== loosen ==\n音標: /ˈluːsən/\n詞性: v.\n中文: 放鬆；減弱\n例句: ", output);
    }

    [Fact]
    public async Task ZhTw_LibraryAndSummary_AreInTraditionalChinese()
    {
        await using var bot = await TestBot.StartAsync();
        var content = Content(bot);

        var articles = await SendAsync(bot, "articles");
        Assert.Matches(@"^這個伺服器的文章：1 篇文章，第 1/1 頁\n1\. 「.+」（.+），\d{4}[-/]\d{2}[-/]\d{2}，41 個單字，機器人內建$", articles.Text);
        AssertNoEnglishUi(articles, content);

        var show = await SendAsync(bot, "article", "show", ("article", "openai"));
        Assert.Equal(["日期", "單字數", "新增者", "連結", "單字表", "摘要", "修正版"], show.Card!.Fields.Select(f => f.Name));
        Assert.Equal("機器人內建", show.Card.Fields[2].Value);

        var summary = await SendAsync(bot, "summary");
        Assert.Equal("摘要和修正版逐句對照（~~刪除~~、**新增**）：", summary.Text);
        Assert.Equal("第 1 句", summary.Card!.Fields[0].Name);
        Assert.StartsWith("摘要：", summary.Card.Fields[0].Value, StringComparison.Ordinal);
        Assert.Contains("\n修正：", summary.Card.Fields[0].Value, StringComparison.Ordinal);
        Assert.Matches(@"^共 \d+ 句，修正了 \d+ 句 · ", summary.Card.Footer);
    }

    private static Task<ChatReply> SendAsync(TestBot bot, string command, params (string Name, string Value)[] options) =>
        SendAsync(bot, command, null, options);

    private static Task<ChatReply> SendAsync(TestBot bot, string command, string? subcommand, params (string Name, string Value)[] options) =>
        bot.Commands.HandleAsync(
            new ChatRequest(User, TestBot.Name(User), Guild, command, options.ToDictionary(o => o.Name, o => o.Value), IsServerManager: true)
            {
                Locale = ChatLocale.TraditionalChinese,
                Subcommand = subcommand,
            },
            CancellationToken.None);

    private static Task<ChatReply> ClickAsync(TestBot bot, ChatButton button) =>
        bot.Commands.ClickAsync(new ButtonClick(User, TestBot.Name(User), Guild, button.Id) { Locale = ChatLocale.TraditionalChinese }, CancellationToken.None);

    /// <summary>Every text of the library's words that a reply may quote: these stay as they are in every language.</summary>
    private static List<string> Content(TestBot bot)
    {
        var library = bot.Get<ServerLibraries>().For(Guild);
        var words = library.Headwords.SelectMany(library.Find).ToList();
        Assert.NotEmpty(words);
        return [.. words.SelectMany(w => (string?[])[w.Headword, w.Ipa, w.PartOfSpeech, w.Example, w.Context, w.MarkedAs, w.ArticleTitle, w.ArticleLink, w.ArticleId, .. w.Chinese])
            .OfType<string>().Where(t => t.Length > 0).Append(TestBot.Name(User)).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length)];
    }

    /// <summary>
    /// No Latin letter is left in a reply's interface texts once the vocabulary it quotes and the /command names are
    /// taken out: an English word left in a zh-TW reply fails here, whichever message it is in.
    /// </summary>
    private static void AssertNoEnglishUi(ChatReply reply, IReadOnlyList<string> content)
    {
        var card = reply.Card;
        IEnumerable<string> texts = [reply.Text, card?.Title ?? "", card?.Footer ?? "", .. card?.Fields.SelectMany(f => (string[])[f.Name, f.Value]) ?? [],
            .. reply.ButtonList.Select(b => b.Label)];
        var left = string.Join('\n', texts);
        foreach (var quoted in content)
            left = Regex.Replace(left, $"(?<![A-Za-z]){Regex.Escape(quoted)}(?![A-Za-z])", "");
        left = CommandName().Replace(left, "");
        Assert.False(Latin().IsMatch(left), $"English left in a zh-TW reply:\n{left}");
    }

    [GeneratedRegex(@"/[a-z][a-z-]*")]
    private static partial Regex CommandName();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();
}
