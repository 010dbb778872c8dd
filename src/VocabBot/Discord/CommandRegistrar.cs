using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VocabBot.Storage;

namespace VocabBot.Discord;

/// <summary>
/// Bulk-overwrites the bot's application commands on READY, but only when they changed since the
/// last registration: the hash of what was sent is kept in LiteDB per application and scope.
/// </summary>
internal sealed partial class CommandRegistrar(
    IChatHandler chat,
    DiscordRestClient rest,
    VocabDatabase database,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<CommandRegistrar> logger)
{
    private const string CollectionName = "discord_command_registrations";

    // A quick second READY must wait for the first registration, or both would overwrite.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(applicationId);
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RegisterIfChangedAsync(applicationId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task RegisterIfChangedAsync(string applicationId, CancellationToken cancellationToken)
    {
        var guildId = string.IsNullOrWhiteSpace(options.Value.GuildId) ? null : options.Value.GuildId;
        var commands = CommandJson.Render(chat.Definitions);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(commands.ToJsonString())));
        var scope = $"{applicationId}:{guildId ?? "global"}";
        var registrations = database.Collection<CommandRegistration>(CollectionName);
        if (registrations.FindById(scope)?.Hash == hash)
        {
            LogUnchanged(logger, commands.Count);
            return;
        }
        await rest.SendAsync(DiscordRoute.OverwriteCommands(applicationId, guildId), commands, cancellationToken).ConfigureAwait(false);
        registrations.Upsert(new CommandRegistration { Id = scope, Hash = hash, RegisteredAt = time.GetUtcNow().UtcDateTime });
        LogRegistered(logger, commands.Count, guildId is null ? "globally" : "to the configured guild");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Count} slash commands are unchanged since the last registration")]
    private static partial void LogUnchanged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} slash commands {Scope}")]
    private static partial void LogRegistered(ILogger logger, int count, string scope);
}

internal sealed class CommandRegistration
{
    public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
}
