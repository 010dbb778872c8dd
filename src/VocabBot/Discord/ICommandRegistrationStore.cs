namespace VocabBot.Discord;

/// <summary>
/// Where the bot's slash commands are registered, per application: "global" or a guild id. Kept in LiteDB
/// or PostgreSQL; one contract test class runs against both.
/// </summary>
internal interface ICommandRegistrationStore
{
    /// <summary>The scopes the application's commands are registered in.</summary>
    Task<IReadOnlyList<string>> ScopesAsync(string applicationId, CancellationToken cancellationToken);

    Task SaveAsync(string applicationId, string scope, DateTimeOffset registeredAt, CancellationToken cancellationToken);

    Task RemoveAsync(string applicationId, string scope, CancellationToken cancellationToken);
}
