using System.Collections;
using VocabBot.Content;
using VocabBot.Storage;

namespace VocabBot.Tests.Content;

public sealed class WordDocumentTests
{
    public static TheoryData<WordDocument> Documents() => new()
    {
        new WordDocument
        {
            Id = "a.md#get access", ArticleId = "a.md", Headword = "Get access", Key = "get access", Forms = ["get access", "getting access"],
            Ipa = "/ɡet/", PartOfSpeech = "phr.", Chinese = ["取得", "存取"], Example = "We get access.", MarkedAs = "getting access",
            Context = "They are getting access.", Line = 12, ArticleTitle = "T", ArticleDate = "2025-11-07", ArticleLink = "https://example.com",
        },
        new WordDocument { Id = "b.md#x", ArticleId = "b.md", Headword = "x", Key = "x", Forms = ["x"], Line = 3 },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void FromBson_StoredEntry_EqualsWhatTheMapperReads(WordDocument original)
    {
        using var stream = new MemoryStream();
        using var database = new VocabDatabase(stream);
        database.Collection<WordDocument>("words").Insert(original);

        var mapped = database.Collection<WordDocument>("words").FindById(original.Id);
        var byHand = WordDocument.FromBson(database.Database.GetCollection("words").FindById(original.Id));

        // Every public property, so a property added to WordDocument but not to FromBson fails here.
        foreach (var property in typeof(WordDocument).GetProperties())
        {
            var (expected, actual) = (property.GetValue(mapped), property.GetValue(byHand));
            if (expected is IEnumerable list and not string)
                Assert.Equal(list.Cast<object>(), ((IEnumerable)actual!).Cast<object>());
            else
                Assert.Equal(expected, actual);
        }
    }
}
