using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Learning;

namespace VocabBot.Discord;

/// <summary>
/// Answers one interaction: slash commands with a message (type 4), button clicks by updating
/// the clicked message (type 7), autocomplete with choices (type 8). A handler slower than
/// <see cref="DiscordOptions.DeferAfter"/> is deferred (type 5 or 6) and its reply edited in later,
/// so Discord always hears back within its 3 seconds.
/// </summary>
internal sealed partial class InteractionResponder(
    IChatHandler chat,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<InteractionResponder> logger)
{
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdateMessage = 6;
    private const int UpdateMessage = 7;
    private const int AutocompleteResult = 8;
    private const int ChoiceLimit = 25;
    private static readonly ChatReply Apology =
        ChatReply.Private("Sorry, something went wrong on my side while answering that. Please try again in a moment.");

    public async Task RespondAsync(JsonElement interaction, string applicationId, CancellationToken cancellationToken)
    {
        var id = InteractionReader.Id(interaction);
        try
        {
            switch (InteractionReader.Type(interaction))
            {
                case InteractionReader.ApplicationCommand:
                    var request = InteractionReader.Command(interaction);
                    await ReplyAsync(interaction, applicationId, () => chat.HandleAsync(request, cancellationToken), false, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionReader.MessageComponent:
                    var click = InteractionReader.Click(interaction);
                    await ReplyAsync(interaction, applicationId, () => chat.ClickAsync(click, cancellationToken), true, cancellationToken).ConfigureAwait(false);
                    break;
                case InteractionReader.Autocomplete:
                    await CallbackAsync(interaction, new JsonObject
                    {
                        ["type"] = AutocompleteResult,
                        ["data"] = new JsonObject { ["choices"] = Choices(interaction, id) },
                    }, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    LogIgnored(logger, id, InteractionReader.Type(interaction));
                    break;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogResponseFailed(logger, ex, id);
        }
    }

    private async Task ReplyAsync(JsonElement interaction, string applicationId, Func<Task<ChatReply>> handle, bool updatesMessage, CancellationToken cancellationToken)
    {
        var id = InteractionReader.Id(interaction);
        var handler = RunHandlerAsync(handle, id);
        var deadline = Task.Delay(options.Value.DeferAfter, time, cancellationToken);
        if (await Task.WhenAny(handler, deadline).ConfigureAwait(false) == handler)
        {
            var reply = await handler.ConfigureAwait(false);
            // A private reply to a click (someone else's quiz, a stale button, "Quiz me" under a word of the day,
            // an apology) goes to the clicker alone, as a new message: an update would replace the clicked message for everyone.
            var type = updatesMessage && !reply.Ephemeral ? UpdateMessage : ChannelMessage;
            await CallbackAsync(interaction, new JsonObject
            {
                ["type"] = type,
                ["data"] = MessageRenderer.Render(reply, allowEphemeral: type == ChannelMessage),
            }, cancellationToken).ConfigureAwait(false);
            return;
        }
        LogDeferred(logger, id);
        await CallbackAsync(interaction, new JsonObject { ["type"] = updatesMessage ? DeferredUpdateMessage : DeferredChannelMessage }, cancellationToken).ConfigureAwait(false);
        var late = await handler.ConfigureAwait(false);
        await DeliverLateAsync(interaction, applicationId, late, late.Ephemeral, updatesMessage, cancellationToken).ConfigureAwait(false);
    }

    // The deferral fixed the original response as public, and an edit cannot make it ephemeral: a private
    // reply goes out as an ephemeral followup instead, after removing a command's "thinking…" placeholder.
    private async Task DeliverLateAsync(JsonElement interaction, string applicationId, ChatReply reply, bool isPrivate, bool updatesMessage, CancellationToken cancellationToken)
    {
        var token = InteractionReader.Token(interaction);
        if (!isPrivate)
        {
            await rest.SendAsync(DiscordRoute.EditOriginal(applicationId, token), MessageRenderer.Render(reply, allowEphemeral: false), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!updatesMessage)
            await rest.SendAsync(DiscordRoute.DeleteOriginal(applicationId, token), null, cancellationToken).ConfigureAwait(false);
        await rest.SendAsync(DiscordRoute.Followup(applicationId, token), MessageRenderer.Render(reply with { Ephemeral = true }), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatReply> RunHandlerAsync(Func<Task<ChatReply>> handle, string id)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, id);
            return Apology;
        }
    }

    private JsonArray Choices(JsonElement interaction, string id)
    {
        var (command, option, typed) = InteractionReader.Focused(interaction);
        IReadOnlyList<string> suggestions;
        try
        {
            suggestions = chat.Autocomplete(command, option, typed);
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

    private Task CallbackAsync(JsonElement interaction, JsonObject body, CancellationToken cancellationToken) =>
        rest.SendAsync(DiscordRoute.InteractionCallback(InteractionReader.Id(interaction), InteractionReader.Token(interaction)), body, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "The handler for interaction {InteractionId} failed; the user got an apology")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not answer interaction {InteractionId}")]
    private static partial void LogResponseFailed(ILogger logger, Exception exception, string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deferred interaction {InteractionId}: its handler is slow")]
    private static partial void LogDeferred(ILogger logger, string interactionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored interaction {InteractionId} of type {Type}")]
    private static partial void LogIgnored(ILogger logger, string interactionId, int type);
}
