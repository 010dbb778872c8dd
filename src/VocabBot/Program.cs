using Microsoft.Extensions.Hosting;
using VocabBot;
using VocabBot.Content;
using VocabBot.Discord;
using VocabBot.Learning;
using VocabBot.Storage;

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
if (verb != "run")
    return Usage.Print(Console.Error, $"Unknown command '{verb}'.");
if (!DiscordSetup.HasToken(builder.Configuration))
{
    Console.Error.WriteLine(DiscordSetup.MissingTokenMessage);
    return 2;
}
builder.AddDiscord();
await builder.Build().RunAsync();
return Environment.ExitCode;
