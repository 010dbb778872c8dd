using Microsoft.Extensions.Hosting;
using VocabBot;
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

builder.AddStorage();
builder.AddContent();
builder.AddLearning();
builder.AddWordOfTheDay();
return verb switch
{
    _ => Usage.Print(Console.Error, $"Unknown command '{verb}'."),
};
