using Microsoft.Extensions.Hosting;
using VocabBot;
using VocabBot.Console;
using VocabBot.Content;
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
if (verb == "console")
{
    Console.OutputEncoding = System.Text.Encoding.UTF8;
    builder.AddConsoleChat();
    using var host = builder.Build();
    return await host.RunConsoleAsync(Console.In, Console.Out);
}

return verb switch
{
    _ => Usage.Print(Console.Error, $"Unknown command '{verb}'."),
};
