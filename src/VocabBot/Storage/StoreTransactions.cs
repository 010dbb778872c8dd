namespace VocabBot.Storage;

/// <summary>
/// Runs several stores' calls as one transaction of the provider in use: all of their writes land, or none. The
/// stores take part without being passed anything: LiteDB keeps one transaction per thread, and the PostgreSQL
/// stores use the connection of <see cref="Postgres.PostgresDatabase.InTransaction{T}"/> when there is one.
/// </summary>
internal interface IStoreTransactions
{
    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it throws.</summary>
    T Run<T>(Func<T> work);
}

/// <summary>
/// A LiteDB transaction, holding the database's <see cref="VocabDatabase.WriteLock"/> from its first read to its
/// commit: one process owns the file, so that makes a store's read-then-write inside it a conditional update.
/// </summary>
internal sealed class LiteDbTransactions(VocabDatabase database) : IStoreTransactions
{
    public T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        database.EnsureWritable();
        lock (database.WriteLock)
        {
            var transaction = database.Database; // the one the transaction is on, even if storage reopens meanwhile
            var own = transaction.BeginTrans();
            try
            {
                var result = work();
                if (own)
                    transaction.Commit();
                return result;
            }
            catch
            {
                if (own)
                {
                    VocabDatabase.RollbackQuietly(transaction);
                    database.MarkRolledBack();
                }

                throw;
            }
        }
    }
}
