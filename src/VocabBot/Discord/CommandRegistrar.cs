using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Chat;

namespace VocabBot.Discord;

/// <summary>
/// Bulk-overwrites the bot's application commands once per start, on the first READY (a PUT of the same
/// names does not count against Discord's daily limit on creating commands). When Discord:GuildId changed
/// or was removed since the last start, the scope no longer used is cleared, so no stale copy of the
/// commands lingers in a server's command picker.
/// </summary>
internal sealed partial class CommandRegistrar(
    ChatRouter router,
    DiscordRestClient rest,
    ICommandRegistrationStore registrations,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger)
{
    private const string Global = "global";

    // A quick second READY must wait for the first registration, or both would overwrite.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private bool _registered;

    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_registered)
                return;
            await OverwriteAsync(applicationId, cancellationToken).ConfigureAwait(false);
            _registered = true;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task OverwriteAsync(string applicationId, CancellationToken cancellationToken)
    {
        var guildId = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId;
        var scope = guildId ?? Global;
        var commands = CommandJson.Render(router.Definitions);
        await rest.SendAsync(DiscordRoute.OverwriteCommands(applicationId, guildId), commands, cancellationToken).ConfigureAwait(false);

        foreach (var oldScope in (await registrations.ScopesAsync(applicationId, cancellationToken).ConfigureAwait(false)).Where(s => s != scope))
        {
            await rest.SendAsync(DiscordRoute.OverwriteCommands(applicationId, oldScope == Global ? null : oldScope), new JsonArray(), cancellationToken).ConfigureAwait(false);
            await registrations.RemoveAsync(applicationId, oldScope, cancellationToken).ConfigureAwait(false);
            LogCleared(logger, oldScope == Global ? "the global scope" : "the guild configured before");
        }
        await registrations.SaveAsync(applicationId, scope, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        // Said once the registration is stored too: what the line says is then all done.
        LogRegistered(logger, commands.Count, guildId is null ? "globally" : "to the configured guild");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands {Scope}")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared the slash commands from {Scope}: Discord:GuildId changed")]
    private static partial void LogCleared(ILogger logger, string scope);
}
