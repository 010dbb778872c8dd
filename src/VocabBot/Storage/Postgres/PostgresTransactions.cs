namespace VocabBot.Storage.Postgres;

/// <summary>A PostgreSQL transaction that the PostgreSQL stores called inside it join.</summary>
internal sealed class PostgresTransactions(PostgresDatabase database) : IStoreTransactions
{
    public T Run<T>(Func<T> work) => database.InTransaction(work);
}
