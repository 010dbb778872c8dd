using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// Discord:Interactions=Http: instead of a gateway connection, a Kestrel server on the configured Urls takes Discord's
/// interactions at POST /interactions. The server is a small web app of its own inside the bot's host, so the rest of the
/// bot stays a plain generic host whichever way interactions come. At start it looks up the application (there is no
/// READY to name it) and registers the slash commands; it keeps the liveness file fresh while it listens.
/// </summary>
internal sealed partial class HttpInteractionsServer(
    HttpInteractionEndpoint endpoint,
    DiscordRestClient rest,
    CommandRegistrar registrar,
    BackgroundWork work,
    LivenessFile liveness,
    IConfiguration configuration,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    ILogger<HttpInteractionsServer> logger) : IHostedService, IAsyncDisposable
{
    // The Docker HEALTHCHECK wants the file younger than 2 minutes.
    private static readonly TimeSpan LivenessInterval = TimeSpan.FromSeconds(30);
    private WebApplication? _app;
    private ITimer? _liveness;

    /// <summary>The addresses Kestrel listens on, with the port it chose for a port 0.</summary>
    public IReadOnlyList<string> Addresses => _app is null ? [] : [.. _app.Urls];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = HttpInteractionEndpoint.MaxBodyBytes + 1;
        });
        builder.WebHost.UseUrls(DiscordOptionsValidator.ListenUrls(configuration)!);
        builder.Services.AddSingleton(loggerFactory); // one log for the whole bot
        builder.Services.AddSingleton<IHostLifetime, OuterHostLifetime>(); // SIGTERM is the bot host's to handle, not this one's
        _app = builder.Build();
        _app.Run(endpoint.HandleAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(logger, string.Join(", ", _app.Urls), HttpInteractionEndpoint.Path);
        work.Run(RegisterCommandsAsync, "registering slash commands");
        liveness.Touch();
        _liveness = time.CreateTimer(_ => liveness.Touch(), null, LivenessInterval, LivenessInterval);
    }

    /// <summary>Stops taking requests, lets those in flight and the edits after their deferrals finish, then removes the liveness file.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _liveness?.Dispose();
        if (_app is not null)
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        await work.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        liveness.Remove();
    }

    public async ValueTask DisposeAsync()
    {
        _liveness?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var application = await rest.SendAsync(DiscordRoute.CurrentApplication(), null, cancellationToken).ConfigureAwait(false);
        var id = application is { } body && body.TryGetProperty("id", out var value) ? value.GetString() : null;
        if (string.IsNullOrEmpty(id))
            throw new DiscordApiException("GET /applications/@me named no application id.");
        await registrar.RegisterAsync(id, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for Discord's HTTP interactions on {Urls} (path {Path})")]
    private static partial void LogListening(ILogger logger, string urls, string path);

    private sealed class OuterHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
