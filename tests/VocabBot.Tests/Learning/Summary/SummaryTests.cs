using VocabBot.Chat;
using VocabBot.Discord;
using VocabBot.Tests.Console;

namespace VocabBot.Tests.Learning.Summary;

public sealed class SummaryTests
{
    private const string SeedSentence3 = "Corrected: ~~Due to~~ **Since** OpenAI ~~didn't earn money in~~ **did not make a profit** last quarter, some ~~investment were worry~~ **investors are worried** about this decision.";

    [Fact]
    public async Task Summary_Seed_ConsoleShowsEachSentenceBesideItsCorrectionAsAWordDiff()
    {
        await using var bot = await TestBot.StartAsync();

        var output = await ConsoleChatTests.ChatAsync(bot, "/summary");

        Assert.EndsWith("""
            The summary beside its correction, sentence by sentence ([-removed-], {+added+}):
            == ChatGPT owner OpenAI signs $38bn cloud computing deal with Amazon ==
            Sentence 1: Summary: OpenAI will end the relationship with Microsoft and start the other relationship with Amazon in the future.
              Corrected: OpenAI will end [-the relationship-]{+its partnership+} with Microsoft and start [-the other relationship-]{+a new one+} with Amazon in the future.
            Sentence 2: Summary: The decision was due to OpenAI need more freedom to develop the artificial intelligence and also Amazon is a huge company in computer technology, which can also support OpenAI to be the leader in AI development.
              Corrected: The decision was [-due to-]{+made because+} OpenAI [-need-]{+needs+} more freedom to develop [-the-] artificial intelligence{+,+} and [-also-] Amazon [-is-]{+, being+} a huge company in computer technology, [-which-] can also support OpenAI [-to be the-]{+in becoming a+} leader in AI development.
            Sentence 3: Summary: Due to OpenAI didn't earn money in last quarter, some investment were worry about this decision.
              Corrected: [-Due to-]{+Since+} OpenAI [-didn't earn money in-]{+did not make a profit+} last quarter, some [-investment were worry-]{+investors are worried+} about this decision.
            3 sentences, 3 corrected · 000_openai_amazon.md


            """, output);
    }

    [Fact]
    public async Task Summary_Seed_ReplyMarksRemovedWordsStruckAndAddedWordsBold()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "summary", ("article", "openai"));

        Assert.False(reply.Ephemeral);
        Assert.Equal("The summary beside its correction, sentence by sentence (~~removed~~, **added**):", reply.Text);
        Assert.Equal(["Sentence 1", "Sentence 2", "Sentence 3"], reply.Card!.Fields.Select(f => f.Name));
        Assert.Equal($"Summary: Due to OpenAI didn't earn money in last quarter, some investment were worry about this decision.\n{SeedSentence3}", reply.Card.Fields[2].Value);
    }

    [Fact]
    public async Task Summary_NoteWithoutCorrection_SaysSoInOneLine()
    {
        using var content = SummaryNotes.WithSeed().Note("001_storm.md", "Storm in the city", "2026/01/02", "The storm have closed the schools.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var newest = await bot.SendAsync("u1", "summary");
        var seed = await bot.SendAsync("u1", "summary", ("article", "000_openai_amazon"));

        Assert.True(newest.Ephemeral);
        Assert.Equal("“Storm in the city” has a summary but no correction yet, so there is nothing to compare.", newest.Text);
        Assert.Null(newest.Card);
        Assert.Equal(SeedSentence3, seed.Card!.Fields[2].Value.Split('\n')[1]);
    }

    [Fact]
    public async Task Summary_UnknownArticle_SaysSoPrivately()
    {
        await using var bot = await TestBot.StartAsync();

        var reply = await bot.SendAsync("u1", "summary", ("article", "the moon landing"));

        Assert.True(reply.Ephemeral);
        Assert.Equal("No article matches 'the moon landing'; leave it out for the newest, or pick one the autocomplete offers.", reply.Text);
        Assert.Equal(["000_openai_amazon.md"], bot.Complete("summary", "article", "amazon"));
    }

    [Fact]
    public async Task Summary_UserMarkdownInTheSummary_IsShownAsTyped()
    {
        using var content = new TempContent().Note("storm.md", "Storm", "2026/01/02", "The *big* storm have close_d schools.", "The *big* storm has closed the schools.");
        await using var bot = await TestBot.StartAsync(content.Directory);

        var reply = await bot.SendAsync("u1", "summary");
        var output = await ConsoleChatTests.ChatAsync(bot, "/summary");

        Assert.Equal("Summary: The \\*big\\* storm have close\\_d schools.\nCorrected: The \\*big\\* storm ~~have close\\_d~~ **has closed the** schools.", reply.Card!.Fields[0].Value);
        Assert.Contains("Sentence 1: Summary: The *big* storm have close_d schools.\n  Corrected: The *big* storm [-have close_d-]{+has closed the+} schools.\n", output);
    }

    [Fact]
    public async Task Summary_TooLongForOneMessage_KeepsDiscordsLimitsAndSaysWhatWasLeftOut()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"In part {i} the storm have closed many schools and the city were quiet for a long time after it.").ToList();
        var corrected = sentences.Select(s => s.Replace("have", "has", StringComparison.Ordinal).Replace("were", "was", StringComparison.Ordinal)).ToList();
        var huge = string.Join(' ', Enumerable.Repeat("The storm have closed the schools", 60)) + ".";
        using var content = new TempContent()
            .Note("many.md", "Many sentences", "2026/01/02", string.Join(' ', sentences), string.Join(' ', corrected))
            .Note("huge.md", "One huge sentence", "2026/01/01", huge, huge.Replace("have", "has", StringComparison.Ordinal));
        await using var bot = await TestBot.StartAsync(content.Directory);

        var many = await bot.SendAsync("u1", "summary", ("article", "many"));
        var one = await bot.SendAsync("u1", "summary", ("article", "huge"));

        foreach (var reply in new[] { many, one })
        {
            var card = reply.Card!;
            Assert.InRange(card.Fields.Count, 1, ChatLimits.Fields);
            Assert.All(card.Fields, f => Assert.InRange(f.Value.Length, 1, ChatLimits.FieldValue));
            Assert.InRange(card.Title.Length + card.Fields.Sum(f => f.Name.Length + f.Value.Length) + card.Footer!.Length, 1, ChatLimits.CardTotal);
            // Nothing is left for the transport to cut: the message Discord gets has every field whole.
            var fields = MessageRenderer.Render(reply)["embeds"]![0]!["fields"]!.AsArray();
            Assert.Equal(card.Fields.Select(f => f.Value), fields.Select(f => (string)f!["value"]!));
        }

        Assert.StartsWith($"Sentences 1–{many.Card!.Fields.Count} of 40 shown: the rest do not fit in one message", many.Card.Footer);
        var value = Assert.Single(one.Card!.Fields).Value;
        Assert.EndsWith(" …", value);
        Assert.Contains("The storm ~~have~~ **has** closed the schools The storm", value);
        Assert.Equal(2, value.Split('\n').Length);
    }
}
