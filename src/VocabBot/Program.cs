using Microsoft.Extensions.Hosting;
using VocabBot;
using VocabBot.Console;
using VocabBot.Content;
using VocabBot.Learning;
using VocabBot.Storage;
using VocabBot.WordOfTheDay;

var verb = args.FirstOrDefault() ?? "run";
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    ContentRootPath = Directory.GetCurrentDirectory(),
});
builder.AddLogging();
if (verb == "check")
    return CheckCommand.Run(builder.Configuration, builder.Environment, args[1..], Console.Out, Console.Error);
if (verb is not "console")
    return Usage.Print(Console.Error, $"Unknown command '{verb}'.");

builder.AddStorage();
builder.AddContent();
builder.AddLearning();
builder.AddWordOfTheDay();
builder.AddConsoleChat();
using var host = builder.Build();
return await HostRunner.RunAsync(host, ConsoleSetup.ChatAsync, Console.Error);
