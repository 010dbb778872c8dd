using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using VocabBot.Discord;

namespace VocabBot.Tests.Discord;

/// <summary>
/// Discord's side of HTTP interactions: the real host started with Discord:Interactions=Http on a free loopback port
/// (REST still goes to a <see cref="FakeDiscord"/>), and an Ed25519 key pair made here whose public half the bot is
/// given, to sign each request as Discord does: over X-Signature-Timestamp followed by the body.
/// </summary>
internal sealed class HttpDiscord : IAsyncDisposable
{
    private readonly Key _key;
    private readonly HttpClient _http;

    private HttpDiscord(BotHarness bot, Key key, Uri endpoint)
    {
        Bot = bot;
        _key = key;
        Endpoint = endpoint;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
    }

    public BotHarness Bot { get; }

    /// <summary>The key that signs as Discord; the bot knows its public half.</summary>
    public Key Key => _key;

    public Uri Endpoint { get; }

    public static async Task<HttpDiscord> StartAsync(StandInLearning? learning, TimeProvider? time = null)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        var bot = await BotHarness.StartAsync(learning, settings: new Dictionary<string, string?>
        {
            ["Discord:Interactions"] = "Http",
            ["Discord:PublicKey"] = PublicKeyHex(key),
            ["Urls"] = "http://127.0.0.1:0",
        }, time: time);
        var address = bot.Host.Services.GetRequiredService<HttpInteractionsServer>().Addresses.Single();
        return new HttpDiscord(bot, key, new Uri(address.TrimEnd('/') + "/interactions"));
    }

    public static string PublicKeyHex(Key key) => Convert.ToHexString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)).ToLowerInvariant();

    /// <summary>Until the bot has registered its commands, which in HTTP mode it does at start.</summary>
    public Task WaitUntilRegisteredAsync() => Bot.Logs.WaitForAsync("Registered");

    /// <summary>Posts <paramref name="body"/> with exactly these headers (null: left out).</summary>
    public async Task<(HttpStatusCode Status, string Body, string? ContentType)> SendAsync(byte[] body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Signs and posts, as Discord does; <paramref name="signedAt"/> defaults to now on the bot's clock.</summary>
    public Task<(HttpStatusCode Status, string Body, string? ContentType)> PostAsync(JsonNode interaction, DateTimeOffset? signedAt = null, Key? signer = null)
    {
        var body = Encoding.UTF8.GetBytes(interaction.ToJsonString());
        var timestamp = Timestamp(signedAt ?? ClockNow());
        return SendAsync(body, Sign(signer ?? _key, timestamp, body), timestamp);
    }

    /// <summary>Posts a signed interaction and returns the bot's answer, checked to be 200 JSON matching Discord's schema for it.</summary>
    public async Task<JsonElement> InteractAsync(JsonNode interaction)
    {
        var (status, body, contentType) = await PostAsync(interaction);
        Assert.True(status == HttpStatusCode.OK, $"HTTP {(int)status}: {body}\nBot log:\n{string.Join("\n", Bot.Logs.Lines)}");
        Assert.Equal("application/json", contentType);
        var schema = FakeRoutes.CallbackSchema(body);
        var errors = OpenApiSchemas.Validate(schema, body);
        Assert.True(errors.Count == 0, $"The response does not match {schema}:\n{string.Join("\n", errors)}\n{body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string Sign(Key key, string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(key, [.. Encoding.UTF8.GetBytes(timestamp), .. body])).ToLowerInvariant();

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private DateTimeOffset ClockNow() => Bot.Host.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Bot.DisposeAsync();
        _key.Dispose();
    }
}
