using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace VocabBot.Console;

public static class ConsoleSetup
{
    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>()
            .BindConfiguration(ConsoleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ConsoleChat>();
        return builder;
    }

    /// <summary>`console`: starts the host (the content import runs first), chats over stdin/stdout, stops.</summary>
    public static async Task<int> RunConsoleAsync(this IHost host, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(host);
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await host.StartAsync(stopping);
        await host.Services.GetRequiredService<ConsoleChat>().RunAsync(input, output, stopping);
        await host.StopAsync(CancellationToken.None);
        return 0;
    }
}
