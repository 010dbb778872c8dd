using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace VocabBot;

/// <summary>Starts the host, runs a verb's main loop, and turns bad configuration into one line per key and exit code 2.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(IHost host, Func<IHost, CancellationToken, Task<int>> main, TextWriter error)
    {
        try
        {
            await host.StartAsync();
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures)
                error.WriteLine($"Configuration error: {failure}");
            return 2;
        }

        var lifetime = host.Services.GetService(typeof(IHostApplicationLifetime)) as IHostApplicationLifetime;
        var code = await main(host, lifetime?.ApplicationStopping ?? CancellationToken.None);
        await host.StopAsync();
        return code;
    }
}
