using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VocabBot.Discord;

/// <summary>
/// POST /interactions: Discord's HTTP interactions. The signature is checked on the raw bytes before anything is
/// parsed (401 otherwise); a PING gets its PONG; any other interaction goes to the same <see cref="InteractionResponder"/>
/// as the gateway's, whose first answer becomes this request's response, and whose later edits go through the webhook routes.
/// </summary>
internal sealed partial class HttpInteractionEndpoint(
    InteractionSignature signature,
    InteractionResponder responder,
    BackgroundWork work,
    TimeProvider time,
    ILogger<HttpInteractionEndpoint> logger)
{
    public const string Path = "/interactions";

    /// <summary>Discord's interactions are a few KB; a larger body is refused unread (413).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int Ping = 1;
    private const int Pong = 1;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var receivedAt = time.GetTimestamp(); // Discord's 3 seconds run from here
        var request = context.Request;
        var response = context.Response;
        if (!string.Equals(request.Path.Value, Path, StringComparison.Ordinal))
        {
            await WriteTextAsync(response, StatusCodes.Status404NotFound, "not found").ConfigureAwait(false);
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteTextAsync(response, StatusCodes.Status405MethodNotAllowed, "POST only").ConfigureAwait(false);
            return;
        }
        if (await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false) is not { } body)
        {
            await WriteTextAsync(response, StatusCodes.Status413PayloadTooLarge, "body too large").ConfigureAwait(false);
            return;
        }
        if (signature.Problem(request.Headers["X-Signature-Ed25519"], request.Headers["X-Signature-Timestamp"], body) is { } problem)
        {
            LogRefused(logger, problem);
            await WriteTextAsync(response, StatusCodes.Status401Unauthorized, "invalid request signature").ConfigureAwait(false);
            return;
        }
        if (Parse(body) is not { } interaction)
        {
            await WriteTextAsync(response, StatusCodes.Status400BadRequest, "not an interaction").ConfigureAwait(false);
            return;
        }
        if (InteractionReader.Type(interaction) == Ping)
        {
            await WriteJsonAsync(response, new JsonObject { ["type"] = Pong }, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        await AnswerAsync(context, interaction, receivedAt).ConfigureAwait(false);
    }

    // The responder runs as background work: after a deferral it goes on (to edit the reply in) once this request is answered.
    private async Task AnswerAsync(HttpContext context, JsonElement interaction, long receivedAt)
    {
        var callback = new HttpResponseCallback();
        work.Run(async ct =>
        {
            try
            {
                await responder.RespondAsync(interaction, InteractionReader.ApplicationId(interaction), receivedAt, callback, ct).ConfigureAwait(false);
            }
            finally
            {
                callback.Unanswered();
            }
        }, "answering an interaction");
        try
        {
            // No answer (too old, a type the bot does not handle): the gateway path ignores it; here the request still needs a response.
            if (await callback.Body.WaitAsync(context.RequestAborted).ConfigureAwait(false) is not { } answer)
            {
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                await context.Response.CompleteAsync().ConfigureAwait(false);
                return;
            }
            await WriteJsonAsync(context.Response, answer, context.RequestAborted).ConfigureAwait(false);
            await context.Response.CompleteAsync().ConfigureAwait(false);
            callback.Written();
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            callback.NotWritten(ex); // Discord hung up: an edit after a deferral it never got would fail, so none is sent
        }
    }

    /// <summary>The body, or null when it is larger than <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return null;
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        return length > MaxBodyBytes ? null : buffer[..length];
    }

    private static JsonElement? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteJsonAsync(HttpResponse response, JsonObject body, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteTextAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an HTTP interaction request: {Problem}")]
    private static partial void LogRefused(ILogger logger, string problem);
}
