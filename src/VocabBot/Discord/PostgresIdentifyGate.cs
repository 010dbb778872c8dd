using Microsoft.Extensions.Options;
using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.Discord;

/// <summary>
/// The gate across processes, when they share a PostgreSQL database: one row per bucket holds when its next turn
/// is. Taking a turn is one statement (the row lock orders callers), timed by the server's clock so that machines
/// whose clocks differ still agree; the wait itself runs on the app's clock. A process that dies after taking a turn
/// holds nothing: the row only says when the next one is free.
/// </summary>
internal sealed class PostgresIdentifyGate(PostgresDatabase database, IOptions<DiscordOptions> options, TimeProvider time) : IIdentifyGate, IPostgresStore
{
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("discord/002", """
            CREATE TABLE discord_identify_turns (
                bucket integer PRIMARY KEY,
                next_turn_at timestamptz NOT NULL);
            """),
    ];

    public async Task WaitTurnAsync(int bucket, CancellationToken cancellationToken)
    {
        // The row after the update holds the turn after this caller's; its own turn is one interval earlier.
        var waits = await database.QueryAsync("""
            INSERT INTO discord_identify_turns AS t (bucket, next_turn_at) VALUES ($1, now() + $2)
            ON CONFLICT (bucket) DO UPDATE SET next_turn_at = GREATEST(t.next_turn_at, now()) + $2
            RETURNING GREATEST(t.next_turn_at - $2 - now(), interval '0')
            """, [bucket, options.Value.IdentifyInterval], (NpgsqlDataReader r) => r.GetTimeSpan(0), cancellationToken).ConfigureAwait(false);
        if (waits[0] > TimeSpan.Zero)
            await Task.Delay(waits[0], time, cancellationToken).ConfigureAwait(false);
    }
}
