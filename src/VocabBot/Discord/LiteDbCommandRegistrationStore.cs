using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Discord;

/// <summary>In the LiteDB file, as since the first version of the bot: one document per "application:scope".</summary>
internal sealed class LiteDbCommandRegistrationStore(VocabDatabase database) : ICommandRegistrationStore
{
    // Taken for each use: the database is reopened after a failed write.
    private ILiteCollection<CommandRegistration> _registrations => database.Collection<CommandRegistration>("discord_command_registrations");

    public Task<IReadOnlyList<string>> ScopesAsync(string applicationId, CancellationToken cancellationToken)
    {
        var prefix = applicationId + ":";
        return Task.FromResult<IReadOnlyList<string>>([.. _registrations.FindAll()
            .Where(r => r.Id.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => r.Id[prefix.Length..])]);
    }

    public Task SaveAsync(string applicationId, string scope, DateTimeOffset registeredAt, CancellationToken cancellationToken)
    {
        _registrations.Upsert(new CommandRegistration { Id = $"{applicationId}:{scope}", RegisteredAt = registeredAt.UtcDateTime });
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string applicationId, string scope, CancellationToken cancellationToken)
    {
        _registrations.Delete($"{applicationId}:{scope}");
        return Task.CompletedTask;
    }
}

/// <summary>The LiteDB document: id "application:scope".</summary>
internal sealed class CommandRegistration
{
    public string Id { get; set; } = "";
    public DateTime RegisteredAt { get; set; }
}
