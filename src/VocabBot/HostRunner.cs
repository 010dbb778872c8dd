using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VocabBot.Storage;
using VocabBot.Storage.Postgres;

namespace VocabBot;

/// <summary>
/// Builds and starts the host, runs a verb's main loop, and turns bad configuration, and a database it cannot
/// open, into one line each and exit code 2.
/// </summary>
internal static class HostRunner
{
    /// <param name="start">False for a verb that only uses the services (migrate-store): no hosted service runs.</param>
    public static async Task<int> RunAsync(HostApplicationBuilder builder, Func<IHost, CancellationToken, Task<int>> main, TextWriter error, bool start = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var bound = ConfigurationErrors.BoundOptions(builder.Services);
        using var host = builder.Build();

        // Validate every option before any service is built: a service built from bad options
        // would fail first with a stack trace, and only with its own key.
        var failures = ConfigurationErrors.Find(bound, host.Services);
        if (failures.Count == 0)
            failures = ValidationFailures(host.Services); // options bound without a Section constant, if any
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
                error.WriteLine($"Configuration error: {failure}");
            return 2;
        }

        // Open the database before anything starts: a file another process holds, or a damaged one, is one
        // line and exit code 2, not a stack trace from the first service that reads it.
        try
        {
            _ = host.Services.GetService<VocabDatabase>();
            if (host.Services.GetService<PostgresSchema>() is { } schema)
                await schema.EnsureMigratedAsync(CancellationToken.None); // and a PostgreSQL server it cannot use
        }
        catch (Exception e) when (e is StorageUnavailableException or PostgresUnavailableException)
        {
            error.WriteLine(e.Message);
            return 2;
        }

        if (!start)
            return await main(host, CancellationToken.None);
        await host.StartAsync();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var code = await main(host, lifetime.ApplicationStopping);
        await host.StopAsync();
        return code;
    }

    /// <summary>The bot's main loop: the hosted services do the work until SIGTERM or a fatal error stops the host.</summary>
    public static async Task<int> UntilStoppedAsync(IHost host, CancellationToken stopping)
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return Environment.ExitCode;
    }

    private static List<string> ValidationFailures(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures];
        }
        catch (AggregateException e)
        {
            return [.. e.InnerExceptions.SelectMany(inner => inner is OptionsValidationException v ? v.Failures : [inner.Message])];
        }
        catch (InvalidOperationException e)
        {
            // The binder's own message names the key, e.g. "Failed to convert configuration value at 'Content:WatchDebounce'".
            return [e.Message];
        }
    }
}
