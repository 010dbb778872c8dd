using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>
/// Answers one interaction: slash commands with a message (type 4), button clicks by updating
/// the clicked message (type 7), autocomplete with choices (type 8). The handler runs beside a timer
/// started when the interaction arrived; if it is not done by <see cref="DiscordOptions.DeferAfter"/>
/// the interaction is deferred (type 5 or 6) and the reply edited in later, so Discord always hears
/// back within its 3 seconds, however slow or synchronous the handler. Gateway and HTTP interactions share all of
/// this; only where the first answer goes differs (<see cref="IInteractionCallback"/>).
/// </summary>
internal sealed partial class InteractionResponder(
    ChatRouter router,
    DiscordRestClient rest,
    DiscordAttachments attachments,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    IStringLocalizer<ChatText> text,
    ILogger<InteractionResponder> logger)
{
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdateMessage = 6;
    private const int UpdateMessage = 7;
    private const int AutocompleteResult = 8;
    private const int ChoiceLimit = 25;
    private const int UnknownInteraction = 10062;
    private const int AlreadyAcknowledged = 40060;

    /// <summary>Answers a gateway interaction: the first answer is POSTed to its callback route.</summary>
    /// <param name="receivedAt">When the interaction reached the bot, as <see cref="TimeProvider.GetTimestamp"/> gave it.</param>
    public Task RespondAsync(JsonElement interaction, string applicationId, long receivedAt, CancellationToken cancellationToken) =>
        RespondAsync(interaction, applicationId, receivedAt,
            new RestInteractionCallback(rest, InteractionReader.Id(interaction), InteractionReader.Token(interaction)), cancellationToken);

    /// <summary>Answers an interaction, its first answer going to <paramref name="callback"/>.</summary>
    /// <param name="receivedAt">When the interaction reached the bot, as <see cref="TimeProvider.GetTimestamp"/> gave it.</param>
    public async Task RespondAsync(JsonElement interaction, string applicationId, long receivedAt, IInteractionCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var id = InteractionReader.Id(interaction);
        if (InteractionReader.CreatedAt(interaction) is { } created && time.GetUtcNow() - created > options.Value.InteractionMaxAge)
        {
            LogStale(logger, id, (time.GetUtcNow() - created).TotalSeconds);
            return;
        }
        try
        {
            var type = InteractionReader.Type(interaction);
            if (type is InteractionReader.ApplicationCommand or InteractionReader.MessageComponent or InteractionReader.Autocomplete
                && !InteractionReader.IsComplete(interaction))
            {
                await callback.SendAsync(Message(ChannelMessage, Say("Unreadable", interaction)), [], cancellationToken).ConfigureAwait(false);
                return;
            }
            switch (type)
            {
                case InteractionReader.ApplicationCommand:
                    var request = InteractionReader.Command(interaction, attachments.From);
                    await ReplyAsync(interaction, applicationId, receivedAt, () => router.HandleAsync(request, cancellationToken), false, callback, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionReader.MessageComponent:
                    var click = InteractionReader.Click(interaction);
                    await ReplyAsync(interaction, applicationId, receivedAt, () => router.ClickAsync(click, cancellationToken), true, callback, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionReader.Autocomplete:
                    await callback.SendAsync(new JsonObject
                    {
                        ["type"] = AutocompleteResult,
                        ["data"] = new JsonObject { ["choices"] = Choices(interaction, id) },
                    }, [], cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogIgnored(logger, id, type);
                    break;
            }
        }
        catch (DiscordApiException ex) when (ex.ErrorCode is UnknownInteraction or AlreadyAcknowledged)
        {
            // Too late, or answered already (by another session): nothing more can be sent for it, and a retry would only count against the bot.
            LogGone(logger, id, ex.ErrorCode.Value);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogResponseFailed(logger, ex, id);
        }
    }

    // The one place that decides between answering now and deferring, whichever way the first answer goes out.
    private async Task ReplyAsync(JsonElement interaction, string applicationId, long receivedAt, Func<Task<ChatReply>> handle, bool updatesMessage,
        IInteractionCallback callback, CancellationToken cancellationToken)
    {
        var id = InteractionReader.Id(interaction);
        var left = options.Value.DeferAfter - time.GetElapsedTime(receivedAt);
        var deadline = left > TimeSpan.Zero ? Task.Delay(left, time, cancellationToken) : Task.CompletedTask;
        // On the thread pool: a handler that works synchronously must not hold up the timer.
        var handler = Task.Run(() => RunHandlerAsync(handle, interaction, id), CancellationToken.None);
        if (await Task.WhenAny(handler, deadline).ConfigureAwait(false) == handler)
        {
            var reply = await handler.ConfigureAwait(false);
            var files = MessageRenderer.Files(reply);
            if (files.Count > 0 && !callback.CarriesFiles)
            {
                await DeferThenEditAsync(interaction, applicationId, reply, updatesMessage, callback, cancellationToken).ConfigureAwait(false);
                return;
            }
            // A private reply to a click (someone else's quiz, a stale button, "Quiz me" under a word of the day,
            // an apology) goes to the clicker alone, as a new message: an update would replace the clicked message for everyone.
            var type = updatesMessage && !reply.Ephemeral ? UpdateMessage : ChannelMessage;
            await callback.SendAsync(Message(type, reply), files, cancellationToken).ConfigureAwait(false);
            return;
        }
        LogDeferred(logger, id);
        await callback.SendAsync(new JsonObject { ["type"] = updatesMessage ? DeferredUpdateMessage : DeferredChannelMessage }, [], cancellationToken).ConfigureAwait(false);
        var late = await handler.ConfigureAwait(false);
        await DeliverLateAsync(interaction, applicationId, late, updatesMessage, cancellationToken).ConfigureAwait(false);
    }

    // A reply that is ready but whose picture the first answer cannot carry: the deferral already says whether the
    // reply is private (the reply is known), so the edit that brings the reply and its files keeps it so.
    private async Task DeferThenEditAsync(JsonElement interaction, string applicationId, ChatReply reply, bool updatesMessage,
        IInteractionCallback callback, CancellationToken cancellationToken)
    {
        var updates = updatesMessage && !reply.Ephemeral;
        var deferral = new JsonObject { ["type"] = updates ? DeferredUpdateMessage : DeferredChannelMessage };
        if (!updates && reply.Ephemeral)
            deferral["data"] = new JsonObject { ["flags"] = MessageRenderer.EphemeralFlag };
        await callback.SendAsync(deferral, [], cancellationToken).ConfigureAwait(false);
        await rest.SendAsync(DiscordRoute.EditOriginal(applicationId, InteractionReader.Token(interaction)),
            MessageRenderer.Render(reply, allowEphemeral: false), MessageRenderer.Files(reply), cancellationToken).ConfigureAwait(false);
    }

    // The deferral fixed the original response as public, and an edit cannot make it ephemeral: a private
    // reply goes out as an ephemeral followup instead, after removing a command's "thinking…" placeholder.
    private async Task DeliverLateAsync(JsonElement interaction, string applicationId, ChatReply reply, bool updatesMessage, CancellationToken cancellationToken)
    {
        var token = InteractionReader.Token(interaction);
        if (!reply.Ephemeral)
        {
            await rest.SendAsync(DiscordRoute.EditOriginal(applicationId, token), MessageRenderer.Render(reply, allowEphemeral: false), MessageRenderer.Files(reply), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!updatesMessage)
            await rest.SendAsync(DiscordRoute.DeleteOriginal(applicationId, token), null, cancellationToken).ConfigureAwait(false);
        await rest.SendAsync(DiscordRoute.Followup(applicationId, token), MessageRenderer.Render(reply), MessageRenderer.Files(reply), cancellationToken).ConfigureAwait(false);
    }

    // What the transport itself says, in the user's language: the router, which sets it for replies, did not answer.
    private ChatReply Say(string key, JsonElement interaction) =>
        ChatReply.Private(ChatCulture.In(ChatCulture.For(InteractionReader.Locale(interaction)), () => text[key].Value));

    private async Task<ChatReply> RunHandlerAsync(Func<Task<ChatReply>> handle, JsonElement interaction, string id)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, id);
            return Say("Apology", interaction);
        }
    }

    private JsonArray Choices(JsonElement interaction, string id)
    {
        IReadOnlyList<string> suggestions;
        try
        {
            suggestions = router.Complete(InteractionReader.Focused(interaction));
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, id);
            suggestions = [];
        }
        var choices = new JsonArray();
        foreach (var suggestion in suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().Take(ChoiceLimit))
        {
            var text = MessageRenderer.Truncate(suggestion, 100);
            choices.Add(new JsonObject { ["name"] = text, ["value"] = text });
        }
        return choices;
    }

    private static JsonObject Message(int type, ChatReply reply) => new()
    {
        ["type"] = type,
        ["data"] = MessageRenderer.Render(reply, allowEphemeral: type == ChannelMessage),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler for interaction {InteractionId} failed; the user got an apology")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer interaction {InteractionId}")]
    private static partial void LogResponseFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deferred interaction {InteractionId}: its handler is slow")]
    private static partial void LogDeferred(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction {InteractionId} of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string interactionId, int type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} was {AgeSeconds:0.0} s old on arrival, past Discord's 3 s to answer: not answered")]
    private static partial void LogStale(ILogger logger, string interactionId, double ageSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} can no longer be answered (Discord code {Code}); dropped without retry")]
    private static partial void LogGone(ILogger logger, string interactionId, int code);
}
