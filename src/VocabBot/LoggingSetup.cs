using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot;

internal static class LoggingSetup
{
    /// <summary>
    /// Logs go to standard error, so standard output carries only what the user asked for:
    /// the console chat's replies and `check --json`'s JSON.
    /// </summary>
    public static IHostApplicationBuilder AddLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
