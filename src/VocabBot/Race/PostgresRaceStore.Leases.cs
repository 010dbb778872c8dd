namespace VocabBot.Race;

/// <summary>Which process runs each race (<see cref="IRaceStore.Claim"/>): a row per race, taken over once it runs out.</summary>
internal sealed partial class PostgresRaceStore
{
    public bool Shared => true;

    public bool Claim(string raceId, string owner, DateTimeOffset now, DateTimeOffset until) => Change("""
        INSERT INTO race_leases (race_id, owner, until) VALUES ($1, $2, $4)
        ON CONFLICT (race_id) DO UPDATE SET owner = EXCLUDED.owner, until = EXCLUDED.until
        WHERE race_leases.owner = EXCLUDED.owner OR race_leases.until <= $3
        """, raceId, owner, now.ToUniversalTime(), until.ToUniversalTime());

    public void Release(string raceId, string owner) =>
        Change("DELETE FROM race_leases WHERE race_id = $1 AND owner = $2", raceId, owner);
}
