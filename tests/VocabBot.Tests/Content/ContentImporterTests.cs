using Microsoft.Extensions.Logging.Abstractions;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Tests.Content;

public sealed class ContentImporterTests : IDisposable
{
    private readonly TempFolder _content = TestFiles.FolderWith("seed.md", "english-headers.md");
    private readonly TempFolder _data = new();

    public void Dispose()
    {
        _content.Dispose();
        _data.Dispose();
    }

    private (VocabDatabase Db, Vocabulary Vocabulary, ContentImporter Importer) Open()
    {
        var db = new VocabDatabase(_data.File("vocabbot.db"));
        var vocabulary = new Vocabulary(db);
        return (db, vocabulary, new ContentImporter(db, vocabulary, new ArticleParser(), NullLogger<ContentImporter>.Instance));
    }

    private static List<(string Id, string Context)> Rows(Vocabulary vocabulary) =>
        vocabulary.All().Select(w => (w.Id, w.Context ?? "")).OrderBy(r => r.Id).ToList();

    [Fact]
    public void Import_LoadsEveryWordOfEveryArticle()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;

        var report = importer.Import(_content.Path);

        Assert.Equal(2, report.Added);
        Assert.Equal(46, vocabulary.All().Count());
        Assert.Equal(2, vocabulary.ArticleCount);
        Assert.Contains("loosen", vocabulary.Headwords);
    }

    [Fact]
    public void ImportTwice_KeepsTheSameRowsAndSkipsUnchangedFiles()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        var before = Rows(vocabulary);

        var report = importer.Import(_content.Path);

        Assert.Equal(2, report.Unchanged);
        Assert.False(report.Changed);
        Assert.Equal(before, Rows(vocabulary));
    }

    [Fact]
    public void EditOneFile_ChangesOnlyThatArticle()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        var seedBefore = vocabulary.InArticle("seed.md").Select(w => w.Id).Order().ToList();
        var edited = File.ReadAllText(_content.File("english-headers.md")).Replace("| stop | /stɒp/ | v. | 停止 | They kept stopping losses. |\n", "");
        File.WriteAllText(_content.File("english-headers.md"), edited);

        var report = importer.Import(_content.Path);

        Assert.Equal((1, 1), (report.Updated, report.Unchanged));
        Assert.Equal(seedBefore, vocabulary.InArticle("seed.md").Select(w => w.Id).Order().ToList());
        Assert.Empty(vocabulary.Find("stop"));
        Assert.Equal(4, vocabulary.InArticle("english-headers.md").Count());
    }

    [Fact]
    public void DeleteAFileWhoseNameBeginsAnother_KeepsTheOthersWords()
    {
        // Entry ids are "file#key", so "english-headers.md"'s ids begin like those of "english-headers.md#2.md".
        File.Copy(_content.File("english-headers.md"), _content.File("english-headers.md#2.md"));
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        File.Delete(_content.File("english-headers.md"));

        var report = importer.Import(_content.Path);

        Assert.Equal(1, report.Removed);
        Assert.Empty(vocabulary.InArticle("english-headers.md"));
        Assert.Equal(5, vocabulary.InArticle("english-headers.md#2.md").Count());
        Assert.Single(vocabulary.Find("rally"));
    }

    [Fact]
    public void AnArticlesEntries_AreFoundByARangeOfIds_NotAScan()
    {
        // Replacing or removing an article deletes its entries this way; a scan made each cost the whole collection.
        var (db, _, _) = Open();
        using var _ = db;

        var plan = db.Database.GetCollection("words").Query().Where(Vocabulary.InArticleQuery("seed.md")).GetPlan()["index"];

        Assert.Equal("INDEX RANGE SCAN(_id BETWEEN \"seed.md#\" AND \"seed.md$\")", plan["mode"].AsString);
    }

    private void WriteInflectedHeadwordArticle() => File.WriteAllText(_content.File("inflected.md"), """
        ---
        title: Inflected headword
        date: 2025/02/03
        ---

        Shares `plunge` after the report.

        | Word | IPA | POS | Chinese | Example |
        |------|-----|-----|---------|---------|
        | plunged | /plʌndʒd/ | v. | 暴跌 | Stocks plunged. |
        """);

    [Theory]
    [InlineData("plunge")]
    [InlineData("Plunges")]
    public void Find_TheFormAnArticleMarked_FindsTheRowItWasLinkedTo(string typed)
    {
        // The row's key is "plunged"; only the article's mark says "plunge" belongs to it.
        WriteInflectedHeadwordArticle();
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);

        var found = vocabulary.Find(typed);

        Assert.Equal("plunged", Assert.Single(found).Key);
    }

    [Fact]
    public void DatabaseFromAnEarlierVersion_IsImportedAgainWithItsMarkedForms()
    {
        WriteInflectedHeadwordArticle();
        var (db, _, importer) = Open();
        importer.Import(_content.Path);
        // What the earlier version left: a Forms index over the entries, and no marked forms on the articles.
        db.Database.GetCollection("words").EnsureIndex("Forms", "$.Forms[*]");
        var articles = db.Collection<ArticleDocument>("articles");
        foreach (var article in articles.FindAll().ToList())
        {
            article.MarkedForms = [];
            articles.Update(article);
        }

        db.Dispose();
        var (reopened, vocabulary, again) = Open();
        using var _ = reopened;

        var report = again.Import(_content.Path);

        Assert.Equal((3, 0), (report.Updated, report.Unchanged));
        var indexes = reopened.Database.GetCollection("$indexes").Find("collection = 'words'").Select(i => i["name"].AsString);
        Assert.Equal(["Key", "_id"], indexes.Order(StringComparer.Ordinal));
        Assert.Equal("plunged", Assert.Single(vocabulary.Find("plunge")).Key);
    }

    [Fact]
    public void DeleteOneFile_RemovesItsWords()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        File.Delete(_content.File("english-headers.md"));

        var report = importer.Import(_content.Path);

        Assert.Equal(1, report.Removed);
        Assert.Empty(vocabulary.InArticle("english-headers.md"));
        Assert.Empty(vocabulary.Find("rally"));
        Assert.DoesNotContain("rally", vocabulary.Headwords);
        Assert.Equal(41, vocabulary.All().Count());
    }

    [Fact]
    public void RestartOverExistingDatabase_KeepsWordsAndSkipsUnchangedFiles()
    {
        var (db, _, importer) = Open();
        importer.Import(_content.Path);
        db.Dispose();

        var (reopened, vocabulary, again) = Open();
        using var __ = reopened;
        Assert.Equal(46, vocabulary.Headwords.Count);
        var report = again.Import(_content.Path);

        Assert.Equal(2, report.Unchanged);
        Assert.Equal(46, vocabulary.All().Count());
    }

    [Fact]
    public void BrokenFile_IsNotLoaded_AndOthersStill_Are()
    {
        File.Copy(Path.Combine(TestFiles.Articles, "no-table.md"), _content.File("no-table.md"));
        File.Copy(Path.Combine(TestFiles.Articles, "not-utf8.md"), _content.File("not-utf8.md"));
        var (db, vocabulary, importer) = Open();
        using var _ = db;

        var report = importer.Import(_content.Path);

        Assert.Equal((2, 2), (report.Added, report.Failed));
        Assert.Equal(2, vocabulary.ArticleCount);
        Assert.Contains(report.Diagnostics, d => d.File == "no-table.md" && d.Severity == Severity.Error);
        Assert.Contains(report.Diagnostics, d => d.File == "not-utf8.md" && d.Severity == Severity.Error);
    }

    [Fact]
    public void AFolderThatIsGone_KeepsEveryArticle()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        Directory.Delete(_content.Path, recursive: true);

        var report = importer.Import(_content.Path);

        Assert.True(report.FolderMissing);
        Assert.Equal(0, report.Removed);
        Assert.Equal((2, 46), (vocabulary.ArticleCount, vocabulary.WordCount));
    }

    [Fact]
    public void FileEditedIntoABrokenOne_LosesItsWords()
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);
        File.WriteAllText(_content.File("english-headers.md"), "no front matter any more");

        var report = importer.Import(_content.Path);

        Assert.Equal(1, report.Failed);
        Assert.Empty(vocabulary.Find("rally"));
    }

    [Theory]
    [InlineData("loosened", "loosen")]
    [InlineData("LOOSEN", "loosen")]
    [InlineData("getting access", "get access")]
    [InlineData("took", "take")]
    [InlineData("Deals", "deal")]
    public void Find_ThroughCaseInflectionAndPhrase_FindsHeadword(string typed, string headword)
    {
        var (db, vocabulary, importer) = Open();
        using var _ = db;
        importer.Import(_content.Path);

        var found = vocabulary.Find(typed);

        Assert.Equal(headword, Assert.Single(found).Headword);
    }
}
