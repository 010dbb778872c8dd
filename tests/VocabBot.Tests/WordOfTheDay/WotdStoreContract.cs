using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

/// <summary>
/// What every <see cref="IWotdStore"/> does, whichever database is under it: the subclasses in
/// WotdStoreTests.cs run these tests against LiteDB and against a real PostgreSQL.
/// </summary>
public abstract class WotdStoreContract : IAsyncLifetime
{
    private const string Channel = "100000000000000001";
    private const string OtherChannel = "100000000000000002";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly DateTimeOffset Morning = new(2026, 3, 10, 0, 0, 5, TimeSpan.Zero);

    /// <summary>A store over a new, empty database.</summary>
    private protected abstract Task<IWotdStore> OpenAsync();

    /// <summary>A second store over the database of the last <see cref="OpenAsync"/>: another process on PostgreSQL, another instance on LiteDB.</summary>
    private protected abstract IWotdStore OpenAnother();

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static WotdSetup Setup(string guild, string channel = Channel, string cron = "0 0 8 * * ?", string? language = null) =>
        new(channel, guild, cron, "Asia/Taipei", language);

    [SkippableFact]
    public async Task SetupsLanguage_IsKept_AndChangedWithTheSetup()
    {
        var store = await OpenAsync();

        await store.SaveSetupAsync(Setup("900", language: "zh-TW"), default);
        var chinese = await store.FindSetupAsync(Channel, default);
        await store.SaveSetupAsync(Setup("900", language: "en-US"), default);

        Assert.Equal("zh-TW", chinese?.Language);
        Assert.Equal("en-US", (await store.FindSetupAsync(Channel, default))?.Language);
    }

    [SkippableFact]
    public async Task SavedSetup_IsFound_AndListed_AndListedOnlyForItsServer()
    {
        var store = await OpenAsync();

        Assert.True(await store.SaveSetupAsync(Setup("900"), default));
        Assert.True(await store.SaveSetupAsync(Setup("901", OtherChannel), default));

        Assert.Equal(Setup("900"), await store.FindSetupAsync(Channel, default));
        Assert.Null(await store.FindSetupAsync("100000000000000003", default));
        Assert.Equal([Setup("900"), Setup("901", OtherChannel)], await store.AllSetupsAsync(default));
        Assert.Equal([Setup("901", OtherChannel)], await store.SetupsOfGuildAsync("901", default));
    }

    [SkippableFact]
    public async Task ChannelSetUpFromOneServer_CanBeChangedAndRemovedByItOnly()
    {
        var store = await OpenAsync();
        await store.SaveSetupAsync(Setup("900"), default);

        var byOther = await store.SaveSetupAsync(Setup("901", cron: "0 0 9 * * ?"), default);
        var removedByOther = await store.RemoveSetupAsync(Channel, "901", default);
        Assert.Equal(Setup("900"), await store.FindSetupAsync(Channel, default));
        var byOwner = await store.SaveSetupAsync(Setup("900", cron: "0 30 21 * * ?"), default);
        Assert.Equal(Setup("900", cron: "0 30 21 * * ?"), await store.FindSetupAsync(Channel, default));
        var removedByOwner = await store.RemoveSetupAsync(Channel, "900", default);
        var removedAgain = await store.RemoveSetupAsync(Channel, "900", default);

        Assert.Equal((false, false, true, true, false), (byOther, removedByOther, byOwner, removedByOwner, removedAgain));
        Assert.Null(await store.FindSetupAsync(Channel, default));
    }

    [SkippableFact]
    public async Task SetupMadeBeforeServersOwnedChannels_IsClaimedByTheNextServerToSaveIt()
    {
        var store = await OpenAsync();
        await store.SaveSetupAsync(new WotdSetup(Channel, null, "0 0 8 * * ?", "Asia/Taipei"), default);

        Assert.True(await store.SaveSetupAsync(Setup("900"), default));
        Assert.False(await store.SaveSetupAsync(Setup("901"), default));
    }

    [SkippableFact]
    public async Task Refusal_IsKeptWithItsReasonAndTime_UntilTheChannelIsSetUpOrRemovedAgain()
    {
        var store = await OpenAsync();
        await store.SaveSetupAsync(Setup("900"), default);
        var refusal = new WotdRefusal(Channel, "Missing Permissions", Morning);
        await store.SaveRefusalAsync(refusal, default);
        await store.SaveRefusalAsync(refusal with { ChannelId = OtherChannel }, default);

        Assert.Equal(refusal, await store.FindRefusalAsync(Channel, default));
        Assert.False(await store.SaveSetupAsync(Setup("901"), default));
        Assert.NotNull(await store.FindRefusalAsync(Channel, default));
        await store.SaveSetupAsync(Setup("900"), default);
        await store.RemoveSetupAsync(OtherChannel, "900", default);

        Assert.Null(await store.FindRefusalAsync(Channel, default));
        Assert.Null(await store.FindRefusalAsync(OtherChannel, default));
    }

    [SkippableFact]
    public async Task Cycle_KeepsItsOrder_AndStartingOverForgetsTheCycleBefore()
    {
        var store = await OpenAsync();
        Assert.Empty(await store.SeenAsync(Channel, default));

        await store.AddSeenAsync(Channel, "loosen", startOver: false, default);
        await store.AddSeenAsync(Channel, "contract", startOver: false, default);
        await store.AddSeenAsync(OtherChannel, "hit", startOver: false, default);
        Assert.Equal(["loosen", "contract"], await store.SeenAsync(Channel, default));
        await store.AddSeenAsync(Channel, "gain", startOver: true, default);

        Assert.Equal(["gain"], await store.SeenAsync(Channel, default));
        Assert.Equal(["hit"], await store.SeenAsync(OtherChannel, default));
    }

    [SkippableFact]
    public async Task ChosenWord_IsKept_UnlessReplaced_AndNeverReplacedOncePosted()
    {
        var store = await OpenAsync();

        var first = await store.ChooseWordAsync(Channel, Day, "loosen", replacing: null, default);
        var second = await store.ChooseWordAsync(Channel, Day, "contract", replacing: null, default);
        var replaced = await store.ChooseWordAsync(Channel, Day, "hit", replacing: "loosen", default);
        await store.RecordPostAsync(Channel, Day, "hit", Morning, default);
        var afterPost = await store.ChooseWordAsync(Channel, Day, "gain", replacing: "hit", default);

        Assert.Equal(new WotdDay(Channel, Day, "loosen", false, null), first);
        Assert.Equal(first, second);
        Assert.Equal("hit", replaced.WordKey);
        Assert.Equal(new WotdDay(Channel, Day, "hit", true, Morning), afterPost);
        Assert.Equal(afterPost, await store.FindDayAsync(Channel, Day, default));
        Assert.Null(await store.FindDayAsync(Channel, Day.AddDays(1), default));
    }

    [SkippableFact]
    public async Task Post_IsRecordedOncePerChannelAndLocalDay()
    {
        var store = await OpenAsync();
        await store.ChooseWordAsync(Channel, Day, "loosen", replacing: null, default);

        var first = await store.RecordPostAsync(Channel, Day, "loosen", Morning, default);
        var again = await store.RecordPostAsync(Channel, Day, "loosen", Morning.AddHours(1), default);
        var otherChannel = await store.RecordPostAsync(OtherChannel, Day, "hit", Morning, default);
        var nextDay = await store.RecordPostAsync(Channel, Day.AddDays(1), "contract", Morning.AddDays(1), default);

        Assert.Equal((true, false, true, true), (first, again, otherChannel, nextDay));
        Assert.Equal(Morning, (await store.FindDayAsync(Channel, Day, default))!.PostedAt);
    }

    [SkippableFact]
    public async Task LastPostedDate_IsTheLatestDayPosted_NotALaterDayOnlyChosen()
    {
        var store = await OpenAsync();
        Assert.Null(await store.LastPostedDateAsync(Channel, default));

        await store.RecordPostAsync(Channel, Day, "loosen", Morning, default);
        await store.RecordPostAsync(Channel, Day.AddDays(-3), "hit", Morning.AddDays(-3), default);
        await store.ChooseWordAsync(Channel, Day.AddDays(1), "contract", replacing: null, default);
        await store.RecordPostAsync(OtherChannel, Day.AddDays(5), "gain", Morning.AddDays(5), default);

        Assert.Equal(Day, await store.LastPostedDateAsync(Channel, default));
    }

    [SkippableFact]
    public async Task ManyCallersRecordingTheSameDayAtOnce_OnlyOneRecordsIt()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };
        var recordedPerDay = new List<int>();

        // Many days, each one race: a race lost only now and then still shows.
        for (var day = Day; day < Day.AddDays(200); day = day.AddDays(1))
        {
            var date = day;
            var recorded = await AllAtOnceAsync(Enumerable.Range(0, 8).Select(i =>
                (Func<Task<bool>>)(() => stores[i % 2].RecordPostAsync(Channel, date, "loosen", Morning.AddSeconds(i), default))));
            recordedPerDay.Add(recorded.Count(r => r));
        }

        Assert.All(recordedPerDay, count => Assert.Equal(1, count));
        Assert.True((await stores[1].FindDayAsync(Channel, Day, default))!.Posted);
    }

    [SkippableFact]
    public async Task ManyCallersChoosingTheSameDayAtOnce_AllGetTheFirstChoice()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };

        var chosen = await AllAtOnceAsync(Enumerable.Range(0, 16).Select(i =>
            (Func<Task<WotdDay>>)(() => stores[i % 2].ChooseWordAsync(Channel, Day, $"word{i}", replacing: null, default))));

        Assert.Single(chosen.Select(d => d.WordKey).Distinct());
        Assert.Equal(chosen[0], await stores[0].FindDayAsync(Channel, Day, default));
    }

    [SkippableFact]
    public async Task WordsAddedToACycleAtOnce_AreAllKept()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };
        var words = Enumerable.Range(0, 16).Select(i => $"word{i}").ToList();

        await AllAtOnceAsync(words.Select((word, i) =>
            (Func<Task<bool>>)(async () =>
            {
                await stores[i % 2].AddSeenAsync(Channel, word, startOver: false, default);
                return true;
            })));

        Assert.Equal(words.Order(StringComparer.Ordinal), (await stores[0].SeenAsync(Channel, default)).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task TwoServersSettingUpOneChannelAtOnce_OnlyOneOwnsIt()
    {
        var stores = new[] { await OpenAsync(), OpenAnother() };

        var saved = await AllAtOnceAsync(Enumerable.Range(0, 8).Select(i =>
            (Func<Task<bool>>)(() => stores[i % 2].SaveSetupAsync(Setup($"90{i}"), default))));

        var owner = (await stores[0].FindSetupAsync(Channel, default))!.GuildId;
        Assert.Single(saved, s => s);
        Assert.Equal($"90{Array.IndexOf(saved, true)}", owner);
    }

    /// <summary>Runs the calls on the thread pool, all released at the same moment.</summary>
    private static async Task<T[]> AllAtOnceAsync<T>(IEnumerable<Func<Task<T>>> calls)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = calls.Select(call => Task.Run(async () =>
        {
            await go.Task;
            return await call();
        })).ToList();
        go.SetResult();
        return await Task.WhenAll(running).WaitAsync(Bound);
    }
}
