using System.Text.RegularExpressions;

namespace VocabBot.Storage.Postgres;

/// <summary>
/// One change to the PostgreSQL schema, applied once per database and recorded in schema_migrations.
/// The id is the feature's name and a three-digit number ("wotd/001"): a feature's changes apply in the
/// order of their numbers, and a shipped migration is never edited, only followed by the next number.
/// </summary>
internal sealed partial record PostgresMigration
{
    public PostgresMigration(string id, string sql)
    {
        if (!IdFormat().IsMatch(id ?? ""))
            throw new ArgumentException($"A migration id is 'feature/NNN', e.g. 'wotd/001', not '{id}'.", nameof(id));
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        (Id, Sql) = (id!, sql);
    }

    public string Id { get; }

    public string Sql { get; }

    [GeneratedRegex("^[a-z][a-z0-9-]*/[0-9]{3}$")]
    private static partial Regex IdFormat();
}

/// <summary>
/// A store kept in PostgreSQL names the migrations that create and change its tables; registering the
/// store with <see cref="StoreRegistration.AddStore{TStore, TLiteDb, TPostgres}"/> registers them too.
/// </summary>
internal interface IPostgresStore
{
    static abstract IReadOnlyList<PostgresMigration> Migrations { get; }
}
