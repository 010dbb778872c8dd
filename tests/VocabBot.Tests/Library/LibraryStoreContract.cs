using VocabBot.Content;
using VocabBot.Library;

namespace VocabBot.Tests.Library;

/// <summary>
/// What every <see cref="ILibraryStore"/> does, whichever database is under it: the subclasses in
/// LibraryStoreTests.cs run these tests against LiteDB and against a real PostgreSQL.
/// </summary>
public abstract class LibraryStoreContract : IAsyncLifetime
{
    private const string Guild = "900000000000000001";
    private const string OtherGuild = "900000000000000002";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly LibraryLimits Roomy = new(MaxArticles: 100, MaxWords: 10_000);
    private static readonly DateTime Added = new(2026, 11, 30, 8, 15, 42, 250, DateTimeKind.Utc);

    /// <summary>A store over a new, empty database.</summary>
    private protected abstract Task<ILibraryStore> OpenAsync();

    /// <summary>A second store over the database of the last <see cref="OpenAsync"/>: another process on PostgreSQL, another instance on LiteDB.</summary>
    private protected abstract ILibraryStore OpenAnother();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public async Task ArticleSavedAgainUnderItsName_ReplacesTheOldVersion()
    {
        var store = await OpenAsync();

        var first = store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen", "contract"), Roomy);
        var second = store.Save(Article(Guild, "ports.md", "Ports stay shut", "gain"), Roomy);

        Assert.Equal((LibrarySaved.Added, LibrarySaved.Replaced), (first, second));
        var kept = Assert.Single(store.InGuild(Guild));
        Assert.Equal("Ports stay shut", kept.Title);
        Assert.Equal(1, kept.WordCount);
        Assert.Equal(["gain"], kept.Words.Select(w => w.Key));
    }

    [SkippableFact]
    public async Task SavedArticle_IsReadBackWhole()
    {
        var store = await OpenAsync();
        var saved = new ServerArticle
        {
            Id = ServerArticle.IdOf(Guild, "ports.md"),
            GuildId = Guild,
            Name = "ports.md",
            Title = "Ports reopen after the storm",
            Date = "2026-11-30",
            Link = "https://example.com/news/ports-reopen",
            Summary = "The ports reopened on Monday.",
            CorrectedSummary = "The ports were reopened on Monday.",
            AddedBy = "Mei",
            AddedById = "100000000000000042",
            AddedAt = Added,
            WordCount = 2,
            Words =
            [
                new WordDocument
                {
                    Id = "ports.md#loosen",
                    ArticleId = "ports.md",
                    Key = "loosen",
                    Headword = "Loosen",
                    Ipa = "/ˈluːsən/",
                    PartOfSpeech = "verb",
                    Chinese = ["放鬆", "鬆開"],
                    Example = "The port loosened its rules.",
                    MarkedAs = "loosened",
                    Context = "Officials loosened the rules on Monday.",
                    Line = 12,
                    ArticleTitle = "Ports reopen after the storm",
                    ArticleDate = "2026-11-30",
                    ArticleLink = "https://example.com/news/ports-reopen",
                },
                new WordDocument
                {
                    Id = "ports.md#contract",
                    ArticleId = "ports.md",
                    Key = "contract",
                    Headword = "contract",
                    PartOfSpeech = "noun",
                    Chinese = ["合約"],
                    Example = "They signed a new contract.",
                    Line = 13,
                    ArticleTitle = "Ports reopen after the storm",
                },
            ],
            MarkedForms = [new MarkedForm { Form = "loosened", Key = "loosen" }, new MarkedForm { Form = "contracts", Key = "contract" }],
        };

        store.Save(saved, Roomy);

        var read = Assert.Single(store.InGuild(Guild));
        Assert.Equal(
            (saved.Id, saved.GuildId, saved.Name, saved.Title, saved.Date, saved.Link, saved.Summary, saved.CorrectedSummary, saved.AddedBy, saved.AddedById, saved.WordCount),
            (read.Id, read.GuildId, read.Name, read.Title, read.Date, read.Link, read.Summary, read.CorrectedSummary, read.AddedBy, read.AddedById, read.WordCount));
        Assert.Equal(ToTheSecond(Added), ToTheSecond(read.AddedAt.ToUniversalTime()));
        Assert.Equal(saved.Words.Select(Describe), read.Words.Select(Describe));
        Assert.Equal(saved.MarkedForms.Select(f => (f.Form, f.Key)), read.MarkedForms.Select(f => (f.Form, f.Key)));
    }

    [SkippableFact]
    public async Task Articles_AreKeptPerServer_SoOneFileNameInTwoServersIsTwoArticles()
    {
        var store = await OpenAsync();
        var oneArticleEach = new LibraryLimits(MaxArticles: 1, MaxWords: 10);

        var inFirst = store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen"), oneArticleEach);
        var inOther = store.Save(Article(OtherGuild, "ports.md", "Ports in the other server", "gain", "hit"), oneArticleEach);

        Assert.Equal((LibrarySaved.Added, LibrarySaved.Added), (inFirst, inOther));
        Assert.Equal("Ports reopen", Assert.Single(store.InGuild(Guild)).Title);
        Assert.Equal("Ports in the other server", Assert.Single(store.InGuild(OtherGuild)).Title);
        Assert.Empty(store.InGuild("900000000000000003"));
    }

    [SkippableFact]
    public async Task RemovedArticle_IsGoneFromItsServerOnly_AndRemovingItAgainFindsNothing()
    {
        var store = await OpenAsync();
        store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen"), Roomy);
        store.Save(Article(Guild, "rates.md", "Rates rise", "gain"), Roomy);
        store.Save(Article(OtherGuild, "ports.md", "Ports in the other server", "hit"), Roomy);

        var removed = store.Remove(Guild, "ports.md");
        var again = store.Remove(Guild, "ports.md");
        var unknown = store.Remove(Guild, "never-added.md");

        Assert.Equal((true, false, false), (removed, again, unknown));
        Assert.Equal(["rates.md"], store.InGuild(Guild).Select(a => a.Name));
        Assert.Equal("Ports in the other server", Assert.Single(store.InGuild(OtherGuild)).Title);
    }

    [SkippableFact]
    public async Task ArticleOverTheArticleLimit_IsRefused_AndNothingIsStored_ButReplacingOneAtTheLimitIsNot()
    {
        var store = await OpenAsync();
        var twoArticles = new LibraryLimits(MaxArticles: 2, MaxWords: 100);
        store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen"), twoArticles);
        store.Save(Article(Guild, "rates.md", "Rates rise", "gain"), twoArticles);

        var third = store.Save(Article(Guild, "storm.md", "The storm", "hit"), twoArticles);
        var refusedLeftNothing = Names(store.InGuild(Guild));
        var replaced = store.Save(Article(Guild, "rates.md", "Rates rise again", "gain", "contract"), twoArticles);

        Assert.Equal((LibrarySaved.TooManyArticles, LibrarySaved.Replaced), (third, replaced));
        Assert.Equal(["ports.md", "rates.md"], refusedLeftNothing);
        Assert.Equal(["Ports reopen", "Rates rise again"], store.InGuild(Guild).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Title));
    }

    [SkippableFact]
    public async Task ArticleOverTheWordLimit_IsRefused_AndNothingIsStored_ButASmallerOneFits()
    {
        var store = await OpenAsync();
        var fiveWords = new LibraryLimits(MaxArticles: 10, MaxWords: 5);
        store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen", "contract", "gain"), fiveWords);

        var threeMore = store.Save(Article(Guild, "rates.md", "Rates rise", "hit", "rise", "fall"), fiveWords);
        var refusedLeftNothing = Names(store.InGuild(Guild));
        var twoMore = store.Save(Article(Guild, "storm.md", "The storm", "hit", "rise"), fiveWords);

        Assert.Equal((LibrarySaved.TooManyWords, LibrarySaved.Added), (threeMore, twoMore));
        Assert.Equal(["ports.md"], refusedLeftNothing);
        Assert.Equal(["ports.md", "storm.md"], Names(store.InGuild(Guild)));
        Assert.Equal(5, store.InGuild(Guild).Sum(a => a.WordCount));
    }

    [SkippableFact]
    public async Task ReplacingAnArticle_CountsItsNewWordsInsteadOfItsOld()
    {
        var store = await OpenAsync();
        var fiveWords = new LibraryLimits(MaxArticles: 10, MaxWords: 5);
        store.Save(Article(Guild, "ports.md", "Ports reopen", "loosen", "contract", "gain", "hit"), fiveWords);

        var toFive = store.Save(Article(Guild, "ports.md", "Ports reopen, five words", "loosen", "contract", "gain", "hit", "rise"), fiveWords);
        var toSix = store.Save(Article(Guild, "ports.md", "Ports reopen, six words", "loosen", "contract", "gain", "hit", "rise", "fall"), fiveWords);

        Assert.Equal((LibrarySaved.Replaced, LibrarySaved.TooManyWords), (toFive, toSix));
        var kept = Assert.Single(store.InGuild(Guild));
        Assert.Equal(("Ports reopen, five words", 5), (kept.Title, kept.Words.Count));
    }

    [SkippableFact]
    public async Task ArticlesSavedInOneServerAtOnce_NeverTakeItOverItsArticleLimit()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };
        var threeArticles = new LibraryLimits(MaxArticles: 3, MaxWords: 1_000);

        // Many servers, each one race: a race lost only now and then still shows.
        for (var server = 0; server < 25; server++)
        {
            var guild = $"91{server:D16}";
            var saved = await AllAtOnceAsync(Enumerable.Range(0, 8).Select(i =>
                (Func<LibrarySaved>)(() => stores[i % 2].Save(Article(guild, $"article{i}.md", $"Article {i}", "loosen"), threeArticles))));

            Assert.Equal(3, saved.Count(s => s == LibrarySaved.Added));
            Assert.All(saved.Where(s => s != LibrarySaved.Added), s => Assert.Equal(LibrarySaved.TooManyArticles, s));
            Assert.Equal(
                Enumerable.Range(0, 8).Where(i => saved[i] == LibrarySaved.Added).Select(i => $"article{i}.md"),
                Names(stores[server % 2].InGuild(guild)));
        }
    }

    [SkippableFact]
    public async Task ArticlesSavedInOneServerAtOnce_NeverTakeItOverItsWordLimit()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };
        var fiveWords = new LibraryLimits(MaxArticles: 100, MaxWords: 5);

        for (var server = 0; server < 25; server++)
        {
            var guild = $"92{server:D16}";
            var saved = await AllAtOnceAsync(Enumerable.Range(0, 8).Select(i =>
                (Func<LibrarySaved>)(() => stores[i % 2].Save(Article(guild, $"article{i}.md", $"Article {i}", "loosen", "gain"), fiveWords))));

            Assert.Equal(2, saved.Count(s => s == LibrarySaved.Added));
            Assert.All(saved.Where(s => s != LibrarySaved.Added), s => Assert.Equal(LibrarySaved.TooManyWords, s));
            Assert.Equal(4, stores[server % 2].InGuild(guild).Sum(a => a.WordCount));
        }
    }

    [SkippableFact]
    public async Task ShippedArticles_AreOnUntilAServerTurnsThemOff_ForThatServerOnly()
    {
        var store = await OpenAsync();
        var never = store.ShippedOn(Guild);

        store.SetShipped(Guild, false);
        var (off, otherWhileOff) = (store.ShippedOn(Guild), store.ShippedOn(OtherGuild));
        store.SetShipped(Guild, true);

        Assert.Equal((true, false, true, true), (never, off, otherWhileOff, store.ShippedOn(Guild)));
    }

    [SkippableFact]
    public async Task SavedArticles_AndTheShippedChoice_OutlastARestart()
    {
        var before = await OpenAsync();
        before.Save(Article(Guild, "ports.md", "Ports reopen", "loosen", "contract"), Roomy);
        before.SetShipped(Guild, false);

        var after = OpenAnother();

        var kept = Assert.Single(after.InGuild(Guild));
        Assert.Equal(("ports.md", "Ports reopen", 2), (kept.Name, kept.Title, kept.Words.Count));
        Assert.False(after.ShippedOn(Guild));
        Assert.Equal(LibrarySaved.Replaced, after.Save(Article(Guild, "ports.md", "Ports reopen", "loosen"), Roomy));
    }

    /// <summary>An article as a member's upload would store it, with one word for each key.</summary>
    private static ServerArticle Article(string guild, string name, string title, params string[] keys) => new()
    {
        Id = ServerArticle.IdOf(guild, name),
        GuildId = guild,
        Name = name,
        Title = title,
        Date = "2026-11-30",
        Summary = $"{title}, in short.",
        CorrectedSummary = $"{title}, in short (corrected).",
        AddedBy = "Mei",
        AddedById = "100000000000000042",
        AddedAt = Added,
        WordCount = keys.Length,
        Words = [.. keys.Select(key => new WordDocument { Key = key, Headword = key, Chinese = [$"{key} 中文"], Example = $"An example of {key}.", ArticleId = name })],
        MarkedForms = [.. keys.Select(key => new MarkedForm { Form = key + "ed", Key = key })],
    };

    private static List<string> Names(IEnumerable<ServerArticle> articles) => [.. articles.Select(a => a.Name).Order(StringComparer.Ordinal)];

    private static string Describe(WordDocument word) =>
        string.Join(" | ", word.Id, word.ArticleId, word.Key, word.Headword, word.Ipa, word.PartOfSpeech, string.Join(" / ", word.Chinese), word.Example,
            word.MarkedAs, word.Context, word.Line, word.ArticleTitle, word.ArticleDate, word.ArticleLink);

    private static DateTime ToTheSecond(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Kind);

    /// <summary>Runs the calls on the thread pool, all released at the same moment.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(IEnumerable<Func<T>> calls)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(call => Task.Run(async () =>
        {
            await go.Task;
            return call();
        })).ToList();
        go.SetResult();
        return await Task.WhenAll(running).WaitAsync(Bound);
    }
}
