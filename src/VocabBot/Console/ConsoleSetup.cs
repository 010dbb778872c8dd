using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VocabBot.Chat;

namespace VocabBot.Console;

internal static class ConsoleSetup
{
    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>()
            .BindConfiguration(ConsoleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ConsoleOutput>();
        builder.Services.AddSingleton<ConsoleChat>();
        builder.Services.AddSingleton<IChannelMessenger, ConsoleMessenger>();
        return builder;
    }

    /// <summary>`console`'s main loop, once the host (and so the content import) has started: chats over stdin/stdout.</summary>
    public static async Task<int> ChatAsync(IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.Services.GetRequiredService<ConsoleChat>().RunAsync(System.Console.In, System.Console.Out, cancellationToken);
        return 0;
    }
}
