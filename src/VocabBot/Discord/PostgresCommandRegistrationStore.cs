using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Discord;

/// <summary>In PostgreSQL: one row per application and scope.</summary>
internal sealed class PostgresCommandRegistrationStore(PostgresDatabase database) : ICommandRegistrationStore, IPostgresStore
{
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("discord/001", """
            CREATE TABLE discord_command_registrations (
                application_id text NOT NULL,
                scope text NOT NULL,
                registered_at timestamptz NOT NULL,
                PRIMARY KEY (application_id, scope));
            """),
    ];

    public async Task<IReadOnlyList<string>> ScopesAsync(string applicationId, CancellationToken cancellationToken) =>
        await database.QueryAsync("SELECT scope FROM discord_command_registrations WHERE application_id = $1 ORDER BY scope", [applicationId],
            (NpgsqlDataReader r) => r.GetString(0), cancellationToken);

    public Task SaveAsync(string applicationId, string scope, DateTimeOffset registeredAt, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO discord_command_registrations (application_id, scope, registered_at) VALUES ($1, $2, $3)
            ON CONFLICT (application_id, scope) DO UPDATE SET registered_at = EXCLUDED.registered_at
            """, [applicationId, scope, registeredAt.ToUniversalTime()], cancellationToken);

    public Task RemoveAsync(string applicationId, string scope, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM discord_command_registrations WHERE application_id = $1 AND scope = $2", [applicationId, scope], cancellationToken);
}
