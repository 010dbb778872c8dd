using Npgsql;
using VocabBot.Storage.Postgres;

namespace VocabBot.WordOfTheDay;

/// <summary>
/// The word of the day in PostgreSQL. Every call is one statement, so it is atomic without a transaction;
/// the key on (channel_id, day) is what records a channel's day as posted once, across processes too.
/// </summary>
internal sealed class PostgresWotdStore(PostgresDatabase database) : IWotdStore, IPostgresStore
{
    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new("wotd/001", """
            CREATE TABLE wotd_setups (
                channel_id text PRIMARY KEY,
                guild_id text,
                cron text NOT NULL,
                time_zone text NOT NULL);
            CREATE INDEX wotd_setups_guild ON wotd_setups (guild_id);
            CREATE TABLE wotd_refusals (
                channel_id text PRIMARY KEY,
                reason text NOT NULL,
                refused_at timestamptz NOT NULL);
            CREATE TABLE wotd_cycles (
                channel_id text PRIMARY KEY,
                seen text[] NOT NULL);
            CREATE TABLE wotd_days (
                channel_id text NOT NULL,
                day date NOT NULL,
                word_key text NOT NULL,
                posted boolean NOT NULL DEFAULT false,
                posted_at timestamptz,
                PRIMARY KEY (channel_id, day));
            """),
        new("wotd/002", "ALTER TABLE wotd_setups ADD COLUMN language text;"),
    ];

    private const string SetupColumns = "channel_id, guild_id, cron, time_zone, language";
    private const string DayColumns = "channel_id, day, word_key, posted, posted_at";

    // A server it cannot reach fails the first statement, which comes before any post.
    public void EnsureWritable()
    {
    }

    public async Task<WotdSetup?> FindSetupAsync(string channelId, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {SetupColumns} FROM wotd_setups WHERE channel_id = $1", [channelId], ReadSetup, cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<WotdSetup>> AllSetupsAsync(CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {SetupColumns} FROM wotd_setups ORDER BY channel_id", [], ReadSetup, cancellationToken);

    public async Task<IReadOnlyList<WotdSetup>> SetupsOfGuildAsync(string guildId, CancellationToken cancellationToken) =>
        await database.QueryAsync($"SELECT {SetupColumns} FROM wotd_setups WHERE guild_id = $1 ORDER BY channel_id", [guildId], ReadSetup, cancellationToken);

    public async Task<bool> SaveSetupAsync(WotdSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        const string sql = """
            WITH saved AS (
                INSERT INTO wotd_setups (channel_id, guild_id, cron, time_zone, language) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (channel_id) DO UPDATE SET guild_id = EXCLUDED.guild_id, cron = EXCLUDED.cron, time_zone = EXCLUDED.time_zone,
                    language = EXCLUDED.language
                WHERE wotd_setups.guild_id IS NULL OR wotd_setups.guild_id = EXCLUDED.guild_id
                RETURNING channel_id),
            lifted AS (DELETE FROM wotd_refusals WHERE channel_id IN (SELECT channel_id FROM saved))
            SELECT count(*) FROM saved
            """;
        var saved = await database.QueryAsync(sql, [setup.ChannelId, setup.GuildId, setup.Cron, setup.TimeZone, setup.Language], r => r.GetInt64(0), cancellationToken);
        return saved[0] == 1;
    }

    public async Task<bool> RemoveSetupAsync(string channelId, string guildId, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH allowed AS (SELECT NOT EXISTS (SELECT 1 FROM wotd_setups WHERE channel_id = $1 AND guild_id <> $2) AS yes),
            removed AS (DELETE FROM wotd_setups WHERE channel_id = $1 AND (SELECT yes FROM allowed) RETURNING channel_id),
            lifted AS (DELETE FROM wotd_refusals WHERE channel_id = $1 AND (SELECT yes FROM allowed))
            SELECT count(*) FROM removed
            """;
        var removed = await database.QueryAsync(sql, [channelId, guildId], r => r.GetInt64(0), cancellationToken);
        return removed[0] == 1;
    }

    public async Task<WotdRefusal?> FindRefusalAsync(string channelId, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT channel_id, reason, refused_at FROM wotd_refusals WHERE channel_id = $1", [channelId],
            r => new WotdRefusal(r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)), cancellationToken)).SingleOrDefault();

    public Task SaveRefusalAsync(WotdRefusal refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return database.ExecuteAsync("""
            INSERT INTO wotd_refusals (channel_id, reason, refused_at) VALUES ($1, $2, $3)
            ON CONFLICT (channel_id) DO UPDATE SET reason = EXCLUDED.reason, refused_at = EXCLUDED.refused_at
            """, [refusal.ChannelId, refusal.Reason, refusal.At.ToUniversalTime()], cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SeenAsync(string channelId, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT seen FROM wotd_cycles WHERE channel_id = $1", [channelId], r => r.GetFieldValue<string[]>(0), cancellationToken))
            .SingleOrDefault() ?? [];

    // Appending in the statement, not writing back a list read before, keeps two processes' picks both.
    public Task AddSeenAsync(string channelId, string wordKey, bool startOver, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO wotd_cycles (channel_id, seen) VALUES ($1, ARRAY[$2::text])
            ON CONFLICT (channel_id) DO UPDATE SET seen = CASE WHEN $3 THEN EXCLUDED.seen ELSE wotd_cycles.seen || EXCLUDED.seen END
            """, [channelId, wordKey, startOver], cancellationToken);

    public async Task<WotdDay?> FindDayAsync(string channelId, DateOnly date, CancellationToken cancellationToken) =>
        (await database.QueryAsync($"SELECT {DayColumns} FROM wotd_days WHERE channel_id = $1 AND day = $2", [channelId, date], ReadDay, cancellationToken)).SingleOrDefault();

    public async Task<WotdDay> ChooseWordAsync(string channelId, DateOnly date, string wordKey, string? replacing, CancellationToken cancellationToken)
    {
        var chosen = await database.QueryAsync($"""
            INSERT INTO wotd_days (channel_id, day, word_key) VALUES ($1, $2, $3)
            ON CONFLICT (channel_id, day) DO UPDATE SET word_key = EXCLUDED.word_key
            WHERE NOT wotd_days.posted AND wotd_days.word_key = $4
            RETURNING {DayColumns}
            """, [channelId, date, wordKey, replacing], ReadDay, cancellationToken);
        // No row back: the day has a word this call must keep; read it.
        return chosen.SingleOrDefault() ?? await FindDayAsync(channelId, date, cancellationToken)
            ?? throw new InvalidOperationException($"The word of the day for channel {channelId} on {date:yyyy-MM-dd} vanished while it was chosen.");
    }

    public async Task<bool> RecordPostAsync(string channelId, DateOnly date, string wordKey, DateTimeOffset postedAt, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            INSERT INTO wotd_days (channel_id, day, word_key, posted, posted_at) VALUES ($1, $2, $3, true, $4)
            ON CONFLICT (channel_id, day) DO UPDATE SET word_key = EXCLUDED.word_key, posted = true, posted_at = EXCLUDED.posted_at
            WHERE NOT wotd_days.posted
            """, [channelId, date, wordKey, postedAt.ToUniversalTime()], cancellationToken) == 1;

    public async Task<DateOnly?> LastPostedDateAsync(string channelId, CancellationToken cancellationToken) =>
        (await database.QueryAsync("SELECT max(day) FROM wotd_days WHERE channel_id = $1 AND posted", [channelId],
            r => r.IsDBNull(0) ? (DateOnly?)null : r.GetFieldValue<DateOnly>(0), cancellationToken))[0];

    private static WotdSetup ReadSetup(NpgsqlDataReader r) =>
        new(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));

    private static WotdDay ReadDay(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetBoolean(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4));
}
