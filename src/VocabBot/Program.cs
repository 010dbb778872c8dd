using Microsoft.Extensions.Hosting;
using VocabBot;
using VocabBot.Console;
using VocabBot.Content;
using VocabBot.Discord;
using VocabBot.Storage;

// Before anything logs: setting it while the console logger's thread writes can deadlock the two
// (System.Console takes its locks in the opposite order); it hung 1 start in 4 of `console`.
Console.OutputEncoding = System.Text.Encoding.UTF8;
var verb = args.FirstOrDefault() ?? "run";
if (verb is "--help" or "-h" or "help")
    return Usage.Help(Console.Out);
HostApplicationBuilder builder;
try
{
    builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
    {
        Args = args,
        ContentRootPath = Directory.GetCurrentDirectory(),
    });
}
catch (FormatException e)
{
    return Usage.Print(Console.Error, e.Message); // a setting given as -Key=value; settings take two dashes
}

builder.AddLogging();
if (verb == "check")
    return CheckCommand.Run(builder.Configuration, builder.Environment, args[1..], Console.Out, Console.Error);
if (verb == "backup")
    return BackupCommand.Run(builder.Configuration, builder.Environment, args[1..], TimeProvider.System, Console.Out, Console.Error);
if (verb == "migrate-store")
    return await MigrateStoreCommand.RunAsync(builder, args[1..], Console.Out, Console.Error);
if (verb is not ("console" or "run"))
    return Usage.Print(Console.Error, $"Unknown command '{verb}'.");
if (verb == "run" && !DiscordSetup.HasToken(builder.Configuration))
    return Usage.Print(Console.Error, DiscordSetup.MissingTokenMessage);

builder.AddVocabBot(verb == "console" ? AppTransport.Console : AppTransport.Discord);
return await HostRunner.RunAsync(builder, verb == "console" ? ConsoleSetup.ChatAsync : HostRunner.UntilStoppedAsync, Console.Error);
