using System.Text.Json.Nodes;

namespace VocabBot.Discord;

/// <summary>
/// Where the first answer to an interaction goes: the one part of answering that differs between the gateway and HTTP
/// interactions. Whatever follows a deferral (edits, followups) goes through the webhook routes either way.
/// </summary>
internal interface IInteractionCallback
{
    /// <summary>Whether the first answer can carry files (multipart); when not, a reply with a picture is deferred and sent by an edit.</summary>
    bool CarriesFiles { get; }

    Task SendAsync(JsonObject body, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken);
}

/// <summary>Gateway interactions: the answer is POSTed to the interaction's callback route.</summary>
internal sealed class RestInteractionCallback(DiscordRestClient rest, string interactionId, string interactionToken) : IInteractionCallback
{
    public bool CarriesFiles => true;

    public Task SendAsync(JsonObject body, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(interactionId, interactionToken), body, files, cancellationToken);
}

/// <summary>
/// HTTP interactions: the answer is the body of the response to Discord's request. Sending completes once the
/// response is written, so that a deferral has reached Discord before the edit that follows it is sent.
/// </summary>
internal sealed class HttpResponseCallback : IInteractionCallback
{
    private readonly TaskCompletionSource<JsonObject?> _body = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _written = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Files would need a multipart response; the responder defers instead and sends them with the edit, as the gateway path does late.
    public bool CarriesFiles => false;

    /// <summary>The first answer, or null when the responder finished without one (an interaction too old, or of a type it ignores).</summary>
    public Task<JsonObject?> Body => _body.Task;

    public async Task SendAsync(JsonObject body, IReadOnlyList<DiscordFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > 0)
            throw new InvalidOperationException("An HTTP interaction response cannot carry files; defer and edit instead.");
        if (!_body.TrySetResult(body))
            throw new InvalidOperationException("The interaction was answered already.");
        await _written.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Unanswered() => _body.TrySetResult(null);

    public void Written() => _written.TrySetResult();

    public void NotWritten(Exception reason) => _written.TrySetException(reason);
}
