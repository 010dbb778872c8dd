using System.Collections;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Tests.Content;

public sealed class WordEntryTests
{
    private static WordDocument Full() => new()
    {
        Id = "a.md#get access",
        ArticleId = "a.md",
        Headword = "Get access",
        Key = "get access",
        Ipa = "/ɡet/",
        PartOfSpeech = "phr.",
        Chinese = ["取得", "存取"],
        Example = "We get access.",
        MarkedAs = "getting access",
        Context = "They are getting access.",
        Line = 12,
        ArticleTitle = "T",
        ArticleDate = "2025-11-07",
        ArticleLink = "https://example.com",
    };

    private static readonly WordDocument[] Documents =
    [
        Full(),
        new WordDocument { Id = "b.md#x", ArticleId = "b.md", Headword = "x", Key = "x", Line = 3 },
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void FromBson_StoredEntry_EqualsTheEntryOfWhatTheMapperReads(int document)
    {
        var original = Documents[document];
        using var stream = new MemoryStream();
        using var database = new VocabDatabase(stream);
        database.Collection<WordDocument>("words").Insert(original);

        var mapped = WordEntry.Of(database.Collection<WordDocument>("words").FindById(original.Id));
        var byHand = WordEntry.FromBson(database.Database.GetCollection("words").FindById(original.Id), s => s);

        // Every property, so one added to WordEntry but not to FromBson fails here.
        foreach (var property in typeof(WordEntry).GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var (expected, actual) = (property.GetValue(mapped), property.GetValue(byHand));
            if (expected is IEnumerable list and not string)
                Assert.Equal(list.Cast<object>(), ((IEnumerable)actual!).Cast<object>());
            else
                Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Of_KeepsWhatAQuizAsks()
    {
        var entry = WordEntry.Of(Full());

        Assert.Equal(("get access", "Get access", "phr.", "We get access.", "a.md"), (entry.Key, entry.Headword, entry.PartOfSpeech, entry.Example, entry.ArticleId));
        Assert.Equal(["取得", "存取"], entry.Chinese);
    }
}
