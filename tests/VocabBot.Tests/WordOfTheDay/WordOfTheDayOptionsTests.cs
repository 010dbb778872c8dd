using VocabBot.WordOfTheDay;

namespace VocabBot.Tests.WordOfTheDay;

public sealed class WordOfTheDayOptionsTests
{
    private static IEnumerable<string> Failures(string channel, string cron, string zone)
    {
        var options = new WordOfTheDayOptions { Schedules = [new ScheduleOptions { ChannelId = channel, Cron = cron, TimeZone = zone }] };
        return new WordOfTheDayOptionsValidator().Validate(null, options).Failures ?? [];
    }

    [Fact]
    public void GoodSchedule_Passes() => Assert.Empty(Failures("123", "0 0 8 * * ?", "Asia/Taipei"));

    [Theory]
    [InlineData("general", "0 0 8 * * ?", "Asia/Taipei", "WordOfTheDay:Schedules:0:ChannelId")]
    [InlineData("123", "every morning", "Asia/Taipei", "WordOfTheDay:Schedules:0:Cron")]
    [InlineData("123", "0 0 8 * * ?", "Taipei Time", "WordOfTheDay:Schedules:0:TimeZone")]
    public void BadSchedule_FailsNamingTheKey(string channel, string cron, string zone, string key)
    {
        var failure = Assert.Single(Failures(channel, cron, zone));

        Assert.StartsWith(key, failure);
    }
}
