using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VocabBot.Tests.Discord;

/// <summary>
/// An in-process Discord on loopback: GET /gateway/bot, a WebSocket gateway and the REST routes the bot
/// uses. It records every request, validates every body against Discord's OpenAPI spec, and can fail
/// requests on demand (FakeDiscord.Faults.cs).
/// </summary>
internal sealed partial class FakeDiscord : IAsyncDisposable
{
    public const string ApplicationId = "100000000000000001";
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<(string Channel, string Body)> _channelMessages = [];
    private readonly HashSet<(string Channel, string Nonce)> _channelNonces = [];
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<(string Route, string Field, string Name, byte[] Content)> _uploads = [];
    private WebApplication? _app;

    public FakeGateway Gateway { get; } = new();

    public Signal Changes { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Whether each body is checked against the OpenAPI spec; the load benchmark turns it off.</summary>
    public bool ValidateBodies { get; set; } = true;

    /// <summary>Raised with method, route and body as each REST request arrives, before it is answered; <see cref="Changes"/> pulses then too.</summary>
    public event Action<string, string, string>? RequestReceived;

    public static async Task<FakeDiscord> StartAsync()
    {
        var fake = new FakeDiscord();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        fake._app = builder.Build();
        fake._app.UseWebSockets();
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync().ConfigureAwait(false);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = address.TrimEnd('/');
        fake.Gateway.BaseUrl = "ws" + fake.BaseUrl["http".Length..];
        return fake;
    }

    /// <summary>The messages channel posts created, by channel: as Discord would show them.</summary>
    public IReadOnlyList<(string Channel, string Body)> ChannelMessages { get { lock (_channelMessages) return [.. _channelMessages]; } }

    /// <summary>
    /// When, on the bot's <paramref name="clock"/>, each request whose path starts with <paramref name="pathStart"/> arrived,
    /// answered or not. An answer leaves after its request arrived, so a retry that waits d after an answer arrives at least d after it.
    /// </summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals(string pathStart, TimeProvider clock)
    {
        var arrivals = new ConcurrentQueue<DateTimeOffset>();
        RequestReceived += (_, route, _) =>
        {
            if (route.StartsWith(pathStart, StringComparison.Ordinal))
                arrivals.Enqueue(clock.GetUtcNow());
        };
        return arrivals;
    }

    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, string what, TimeSpan? timeout = null) =>
        Changes.WaitAsync(() => _requests.FirstOrDefault(match), what, timeout);

    public Task<RecordedRequest> CallbackAsync(string interactionId) => WaitForRequestAsync(
        r => r.Method == "POST" && r.Path.Contains($"/interactions/{interactionId}/", StringComparison.Ordinal) && r.Status < 300,
        $"the callback of interaction {interactionId}");

    public Task<RecordedRequest> EditAsync(string interactionToken) => WaitForRequestAsync(
        r => r.Method == "PATCH" && r.Path.Contains($"/{interactionToken}/messages/@original", StringComparison.Ordinal) && r.Status < 300,
        $"the edit of the reply to {interactionToken}");

    /// <summary>Serves a file as Discord's CDN serves an attachment, and returns its url (on 127.0.0.1).</summary>
    public string ServeFile(string name, byte[] content)
    {
        _files[name] = content;
        return $"{BaseUrl}/attachments/{Uri.EscapeDataString(name)}";
    }

    /// <summary>Every body the bot sent matched Discord's OpenAPI schema.</summary>
    public void AssertBodiesValid()
    {
        var validated = Requests.Where(r => r.SchemaName is not null).ToList();
        Assert.NotEmpty(validated);
        Assert.All(validated, r => Assert.True(r.SchemaErrors.Count == 0,
            $"{r.Method} {r.Path} does not match {r.SchemaName}:\n{string.Join("\n", r.SchemaErrors)}\n{r.Body}"));
        Assert.All(Requests.Where(r => r.Body.Length > 0), r => Assert.NotNull(r.SchemaName));
    }

    /// <summary>Files the bot uploaded with its messages (multipart/form-data), by route, with their form field ("files[0]").</summary>
    public IReadOnlyList<(string Route, string Field, string Name, byte[] Content)> Uploads { get { lock (_uploads) return [.. _uploads]; } }

    // A multipart request carries its JSON in payload_json and its files in files[n]; the JSON is what gets validated.
    private async Task<string> ReadBodyAsync(HttpRequest request, string route, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        foreach (var file in form.Files)
        {
            using var content = new MemoryStream();
            await file.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
            lock (_uploads)
                _uploads.Add((route, file.Name, file.FileName, content.ToArray()));
        }
        return form["payload_json"].ToString();
    }

    private async Task ServeAttachmentAsync(HttpContext context, string path)
    {
        Changes.Pulse();
        var now = DateTimeOffset.UtcNow;
        _requests.Enqueue(new RecordedRequest("GET", path, "", "", "", 200, null, [], now, now));
        if (TakeFault(path) is { Delay: var delay } && delay != TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        if (!_files.TryGetValue(Uri.UnescapeDataString(path["/attachments/".Length..]), out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stop.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest && Gateway.TakeRejection())
        {
            context.Response.StatusCode = 503;
            return;
        }
        if (context.WebSockets.IsWebSocketRequest)
        {
            await Gateway.AcceptAsync(context).ConfigureAwait(false);
            return;
        }
        var arrived = DateTimeOffset.UtcNow;
        var request = context.Request;
        var path = request.Path.Value ?? "";
        if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            await ServeAttachmentAsync(context, path).ConfigureAwait(false);
            return;
        }
        var route = path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path;
        var body = await ReadBodyAsync(request, route, context.RequestAborted).ConfigureAwait(false);
        RequestReceived?.Invoke(request.Method, route, body);
        Changes.Pulse();
        var schema = ValidateBodies ? FakeRoutes.SchemaFor(request.Method, route, body) : null;
        var fault = TakeFault(route);
        if (fault is { Delay: var delay } && delay != TimeSpan.Zero)
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        if (fault is null or { Processed: true } && request.Method == "POST" && route.StartsWith("/channels/", StringComparison.Ordinal))
            CreateChannelMessage(route, body);
        var (status, responseBody, headers) = fault is null ? FakeRoutes.Answer(request.Method, route, body, this) : (fault.Status, fault.Body, fault.Headers);
        _requests.Enqueue(new RecordedRequest(
            request.Method, route, body, request.Headers.Authorization.ToString(), request.Headers.UserAgent.ToString(),
            status, schema, Validate(schema, body), DateTimeOffset.UtcNow, arrived));
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
            context.Response.Headers[name] = value;
        if (responseBody.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody, context.RequestAborted).ConfigureAwait(false);
        }
        Changes.Pulse();
    }

    private static IReadOnlyList<string> Validate(string? schema, string body)
    {
        try
        {
            return schema is null ? [] : OpenApiSchemas.Validate(schema, body);
        }
        catch (Exception ex)
        {
            return [$"could not validate against {schema}: {ex.Message}"];
        }
    }

    // As Discord does: with enforce_nonce, a nonce the channel saw recently returns that message instead of a new one.
    private void CreateChannelMessage(string route, string body)
    {
        var channel = route.Split('/')[2];
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var nonce = root.TryGetProperty("nonce", out var n) ? n.ToString() : null;
        var enforced = root.TryGetProperty("enforce_nonce", out var e) && e.ValueKind == JsonValueKind.True;
        lock (_channelMessages)
        {
            if (enforced && nonce is not null && _channelNonces.Contains((channel, nonce)))
                return;
            if (nonce is not null)
                _channelNonces.Add((channel, nonce));
            _channelMessages.Add((channel, body));
        }
    }
}

/// <summary>A request the fake Discord answered: <paramref name="At"/> when its answer was ready (after any injected delay),
/// <paramref name="Arrived"/> when it came in.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Body,
    string Authorization,
    string UserAgent,
    int Status,
    string? SchemaName,
    IReadOnlyList<string> SchemaErrors,
    DateTimeOffset At,
    DateTimeOffset Arrived)
{
    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement;
}
