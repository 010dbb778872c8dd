using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot;
using VocabBot.ClusterNode;
using VocabBot.WordOfTheDay;

// The bot's `run`, composed as src/VocabBot/Program.cs composes it, with one change for the word-of-the-day cluster
// test (tests/VocabBot.Tests/WordOfTheDay/WotdClusterTests.cs): the word-of-the-day service reads a SlotClock, on
// which each slot of ClusterNode:Slot after ClusterNode:SlotAnchor is a day, so a cron of one slot posts once a slot.
Console.OutputEncoding = System.Text.Encoding.UTF8; // before anything logs: see src/VocabBot/Program.cs
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args,
    ContentRootPath = Directory.GetCurrentDirectory(),
});
builder.AddLogging();
if (!DateTimeOffset.TryParse(builder.Configuration["ClusterNode:SlotAnchor"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var anchor)
    || !TimeSpan.TryParse(builder.Configuration["ClusterNode:Slot"], CultureInfo.InvariantCulture, out var slot) || slot <= TimeSpan.Zero)
{
    Console.Error.WriteLine("ClusterNode:SlotAnchor (an ISO 8601 time) and ClusterNode:Slot (a positive TimeSpan, e.g. 00:00:20) are required.");
    return 2;
}

builder.AddVocabBot(AppTransport.Discord);
var wordOfTheDayClock = new SlotClock(anchor, slot);
builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WordOfTheDayService>(sp, wordOfTheDayClock));
return await HostRunner.RunAsync(builder, HostRunner.UntilStoppedAsync, Console.Error);
