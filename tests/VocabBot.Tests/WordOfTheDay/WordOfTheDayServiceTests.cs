using VocabBot.Storage;
using VocabBot.WordOfTheDay;
using static VocabBot.Tests.WordOfTheDay.WotdFixture;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WordOfTheDayServiceTests
{
    private const string Channel = "111111111111111111";

    // 08:00 in Taipei (UTC+8) on 2026-03-10.
    private static readonly DateTimeOffset TaipeiMorning = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PostIfDue_PostsTheWordCardOnceADay()
    {
        using var f = new WotdFixture(TaipeiMorning);

        var first = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        f.Time.Advance(TimeSpan.FromHours(3));
        var second = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        Assert.Equal((PostOutcome.Posted, PostOutcome.AlreadyPosted), (first, second));
        var (channel, message) = Assert.Single(f.Poster.Posts);
        Assert.Equal(Channel, channel);
        var word = f.Vocabulary.ByKey(message.Card!.Title.Replace("📖 ", "")).Single();
        Assert.Contains(message.Card.Fields, field => field.Name == "Example" && field.Value == word.Example);
        Assert.Contains(message.Card.Fields, field => field.Name == "In the article" && field.Value == word.Context);
        Assert.Equal(["Quiz me", "Define"], message.ButtonList.Select(b => b.Label));
    }

    [Fact]
    public async Task ChannelWaitingToRetry_HoldsUpNoOtherChannel_AndNoWotdReply()
    {
        using var f = new WotdFixture(TaipeiMorning);
        f.Poster.FailNext = 1;

        // The first channel's post fails and waits (on the fake clock, which stands still) to retry.
        var failing = f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        var other = await f.Service.PostIfDueAsync("222222222222222222", Taipei, f.Poster, default).WaitAsync(TimeSpan.FromSeconds(10));
        var today = await f.Service.TodayAsync(Channel, null, Taipei, CancellationToken.None);
        Assert.False(failing.IsCompleted);
        f.Time.Advance(f.Options.RetryDelay);

        Assert.Equal(PostOutcome.Posted, other);
        Assert.NotNull(today);
        Assert.Equal(PostOutcome.Posted, await failing.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["222222222222222222", Channel], f.Poster.Posts.Select(p => p.Channel));
    }

    [Fact]
    public async Task CronFiringEveryMinute_StillPostsOnlyOncePerLocalDay()
    {
        using var f = new WotdFixture(TaipeiMorning);

        for (var minute = 0; minute < 24 * 60; minute += 7)
        {
            await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
            f.Time.Advance(TimeSpan.FromMinutes(7));
        }

        // Started at 08:00 local: the run crosses one local midnight, so two days, two posts.
        Assert.Equal(2, f.Poster.Posts.Count);
    }

    [Fact]
    public async Task LocalMidnight_StartsANewDayInTheChannelsZone()
    {
        // 23:59 on March 10 in Taipei is 15:59 UTC, still March 10 in UTC as well; 00:01 March 11 in Taipei is 16:01 UTC March 10.
        using var f = new WotdFixture(new DateTimeOffset(2026, 3, 10, 15, 59, 0, TimeSpan.Zero));

        await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var afterMidnight = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        var inUtcStillSameDay = await f.Service.PostIfDueAsync("222", TimeZoneInfo.Utc, f.Poster, default);
        f.Time.Advance(TimeSpan.FromMinutes(2));
        var utcAgain = await f.Service.PostIfDueAsync("222", TimeZoneInfo.Utc, f.Poster, default);

        Assert.Equal(PostOutcome.Posted, afterMidnight);
        Assert.Equal((PostOutcome.Posted, PostOutcome.AlreadyPosted), (inUtcStillSameDay, utcAgain));
        Assert.NotEqual(f.Poster.Posts[0].Message.Card!.Title, f.Poster.Posts[1].Message.Card!.Title);
    }

    [Fact]
    public async Task Cycle_GoesThroughEveryWordBeforeAnyRepeats()
    {
        using var f = new WotdFixture(TaipeiMorning);
        var total = f.Vocabulary.Headwords.Count;

        var firstRound = new List<string?>();
        for (var i = 0; i < total; i++)
            firstRound.Add(await f.Cycle.NextAsync(Channel, f.Libraries.Shipped, CancellationToken.None));
        var nextPick = await f.Cycle.NextAsync(Channel, f.Libraries.Shipped, CancellationToken.None);

        Assert.Equal(total, firstRound.Distinct().Count());
        Assert.Equal(f.Vocabulary.Headwords.Order(), firstRound.Order());
        Assert.Contains(nextPick, firstRound);
    }

    [Fact]
    public async Task Restart_DoesNotPostTheSameDayAgain()
    {
        using var f = new WotdFixture(TaipeiMorning);
        await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        f.Restart();
        var outcome = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        Assert.Equal(PostOutcome.AlreadyPosted, outcome);
        Assert.Single(f.Poster.Posts);
    }

    [Fact]
    public async Task FailedPost_IsRetriedWithBackoff_AndRecordedOnlyOnceItWentThrough()
    {
        using var f = new WotdFixture(TaipeiMorning);
        f.Poster.FailNext = 2;

        var posting = f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        for (var i = 0; i < 50 && !posting.IsCompleted; i++)
        {
            f.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(PostOutcome.Posted, await posting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(3, f.Poster.Attempts);
        Assert.Single(f.Poster.Posts);
    }

    [Fact]
    public async Task PostThatKeepsFailing_IsNotRecorded_SoALaterTriggerPostsIt()
    {
        using var f = new WotdFixture(TaipeiMorning, new WordOfTheDayOptions { PostAttempts = 1 });
        f.Poster.FailNext = 1;

        var failed = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);
        var later = await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        Assert.Equal((PostOutcome.Failed, PostOutcome.Posted), (failed, later));
        Assert.Single(f.Poster.Posts);
    }

    [Fact]
    public async Task WordRemovedFromContent_IsNeverPosted()
    {
        using var f = new WotdFixture(TaipeiMorning);
        var chosen = await f.Service.TodayAsync(Channel, null, Taipei, CancellationToken.None);
        var article = chosen!.ArticleId;
        File.Delete(f.Content.File(article));
        f.Importer.Import(f.Content.Path);

        await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        var posted = f.Poster.Posts.Single().Message.Card!.Title.Replace("📖 ", "");
        Assert.NotEqual(chosen.Headword, posted);
        Assert.NotEmpty(f.Vocabulary.ByKey(posted));
    }

    [Fact]
    public async Task Today_IsTheSameWordThatGetsPosted()
    {
        using var f = new WotdFixture(TaipeiMorning);

        var today = await f.Service.TodayAsync(Channel, null, Taipei, CancellationToken.None);
        await f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default);

        Assert.Equal("📖 " + today!.Headword, f.Poster.Posts.Single().Message.Card!.Title);
    }

    [Fact]
    public async Task DatabaseThatCannotWrite_PostsNothing_SinceThePostCouldNotBeRecorded()
    {
        using var f = new WotdFixture(TaipeiMorning);
        await f.Service.TodayAsync(Channel, null, Taipei, CancellationToken.None); // the day's word is chosen: posting it writes nothing first
        f.Database.MarkFailing();

        await Assert.ThrowsAsync<StorageFailingException>(() => f.Service.PostIfDueAsync(Channel, Taipei, f.Poster, default));

        Assert.Equal(0, f.Poster.Attempts);
    }
}
