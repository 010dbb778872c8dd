using VocabBot.Content;

namespace VocabBot.Tests.Content;

public sealed class ArticleParserTests
{
    private readonly ArticleParser _parser = new();

    private Article ParseOk(string name)
    {
        var result = _parser.Parse(name, TestFiles.Article(name));
        Assert.NotNull(result.Article);
        return result.Article;
    }

    [Fact]
    public void Seed_ReadsFrontMatterSummaryAndAllRows()
    {
        var article = ParseOk("seed.md");

        Assert.Equal("ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon", article.Title);
        Assert.Equal(new DateOnly(2025, 11, 7), article.Date);
        Assert.Equal("https://www.bbc.com/news/articles/cgqlzje32pjo", article.Link);
        Assert.Equal(41, article.Words.Count);
        Assert.StartsWith("OpenAI will end the relationship with Microsoft", article.Summary!.Original);
        Assert.StartsWith("OpenAI will end its partnership with Microsoft", article.Summary.Corrected);
        Assert.DoesNotContain("修正", article.Summary.Original + article.Summary.Corrected);
    }

    [Fact]
    public void Seed_EveryRowLinksToItsMarkWithoutWarnings()
    {
        var result = _parser.Parse("seed.md", TestFiles.Article("seed.md"));

        Assert.Empty(result.Diagnostics);
        Assert.All(result.Article!.Words, w => Assert.NotNull(w.MarkedAs));
    }

    [Theory]
    [InlineData("deal", "deals")]
    [InlineData("processor", "processors")]
    [InlineData("strengthen", "strengthens")]
    [InlineData("loosen", "loosened")]
    [InlineData("pave", "paved")]
    [InlineData("loan", "loans")]
    [InlineData("workload", "workloads")]
    [InlineData("get access", "getting access")]
    [InlineData("scaling", "Scaling")]
    [InlineData("quarterly", "Quarterly")]
    [InlineData("access to", "access to")]
    [InlineData("hands on", "hands on")]
    public void Seed_InflectedMarks_LinkToTheirHeadword(string headword, string marked)
    {
        var word = ParseOk("seed.md").Words.Single(w => w.Headword == headword);

        Assert.Equal(marked, word.MarkedAs);
    }

    [Fact]
    public void Seed_ContextIsTheMarkedSentenceAsPlainText()
    {
        var words = ParseOk("seed.md").Words;

        Assert.Equal(
            "The two firms had an exclusive cloud agreement until January of this year, when their relationship loosened.",
            words.Single(w => w.Headword == "loosen").Context);
        Assert.Equal(
            "\"Scaling frontier AI requires massive, reliable compute,\" said OpenAI co-founder and CEO Sam Altman.",
            words.Single(w => w.Headword == "scaling").Context);
        Assert.All(words, w => Assert.DoesNotContain("`", w.Context));
    }

    [Fact]
    public void Seed_RowCellsAreReadIntoFields()
    {
        var reliance = ParseOk("seed.md").Words.Single(w => w.Headword == "reliance");

        Assert.Equal("/rɪˈlaɪəns/", reliance.Ipa);
        Assert.Equal("n.", reliance.PartOfSpeech);
        Assert.Equal(["依賴", "倚重"], reliance.Chinese);
        Assert.Equal("The deal reduces its reliance on Microsoft.", reliance.Example);
    }

    [Fact]
    public void EnglishHeaders_IrregularFormsAndTagsAreUnderstood()
    {
        var result = _parser.Parse("english-headers.md", TestFiles.Article("english-headers.md"));
        var article = result.Article!;

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Markets rally: a test article", article.Title);
        Assert.Equal(new DateOnly(2025, 11, 8), article.Date);
        Assert.Equal("BBC", article.Tags["source"]);
        Assert.Equal("B2", article.Tags["level"]);
        Assert.Equal(new ArticleSummary("Markets went up.", "Markets rose."), article.Summary);
        Assert.Equal("took", article.Words.Single(w => w.Headword == "take").MarkedAs);
        Assert.Equal("took a stake", article.Words.Single(w => w.Headword == "take a stake").MarkedAs);
        Assert.Equal("rallied", article.Words.Single(w => w.Headword == "rally").MarkedAs);
        Assert.Equal("companies", article.Words.Single(w => w.Headword == "company").MarkedAs);
        Assert.Equal("stopping", article.Words.Single(w => w.Headword == "stop").MarkedAs);
        Assert.Equal(["反彈", "集結"], article.Words.Single(w => w.Headword == "rally").Chinese);
        Assert.Equal("", article.Words.Single(w => w.Headword == "company").Ipa);
    }

    [Theory]
    [InlineData("no-front-matter.md", 1, "no front matter")]
    [InlineData("no-title.md", 1, "no title")]
    [InlineData("no-table.md", 1, "no vocabulary table")]
    [InlineData("not-utf8.md", 5, "not UTF-8")]
    public void FileThatCannotBeAnArticle_IsAnErrorWithFileAndLine(string name, int line, string message)
    {
        var result = _parser.Parse(name, TestFiles.Article(name));

        Assert.Null(result.Article);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(name, error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void BadRowsAndMarks_AreWarningsWithLines_AndTheRestLoads()
    {
        var result = _parser.Parse("warnings.md", TestFiles.Article("warnings.md"));

        Assert.Equal(["contract", "orphan"], result.Article!.Words.Select(w => w.Headword));
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        AssertWarning(result, 3, "date 'someday'");
        AssertWarning(result, 7, "`merger` is marked");
        AssertWarning(result, 12, "already in the table at line 11");
        AssertWarning(result, 13, "empty word");
        AssertWarning(result, 14, "6 cells but the table has 5 columns");
        AssertWarning(result, 15, "'orphan' is in the vocabulary table but not marked");
        Assert.Equal(6, result.Diagnostics.Count);
    }

    [Fact]
    public void WindowsLineEndingsAndByteOrderMark_ParseTheSame()
    {
        var text = File.ReadAllText(Path.Combine(TestFiles.Articles, "seed.md")).Replace("\n", "\r\n");
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray();

        var result = _parser.Parse("seed.md", bytes);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(41, result.Article!.Words.Count);
    }

    [Fact]
    public void LoneCarriageReturns_CountAsLineBreaks()
    {
        var text = File.ReadAllText(Path.Combine(TestFiles.Articles, "warnings.md")).Replace("\n", "\r");

        var result = _parser.Parse("warnings.md", text);

        Assert.Equal(["contract", "orphan"], result.Article!.Words.Select(w => w.Headword));
        AssertWarning(result, 14, "6 cells but the table has 5 columns");
    }

    private static void AssertWarning(ParseResult result, int line, string text) =>
        Assert.Contains(result.Diagnostics, d => d.Line == line && d.Message.Contains(text, StringComparison.Ordinal));
}
