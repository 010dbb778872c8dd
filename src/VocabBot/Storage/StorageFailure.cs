using LiteDB;

namespace VocabBot.Storage;

/// <summary>Tells a failure of the database (a full disk, a failed write, LiteDB's own errors) from any other error.</summary>
internal static class StorageFailure
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // PostgreSQL's errors (a dropped connection wraps an IOException) say nothing about the LiteDB file.
            if (e is Npgsql.NpgsqlException)
                return false;
            if (e is StorageFailingException or LiteException)
                return true;
            // Only the disk under LiteDB ("No space left on device"); a download's reset connection is an IOException too.
            if (e is IOException && e.StackTrace?.Contains("at LiteDB.", StringComparison.Ordinal) == true)
                return true;
            if (e is ObjectDisposedException && e.Source == typeof(LiteDatabase).Assembly.GetName().Name)
                return true;
        }

        return false;
    }

    /// <summary>
    /// The PostgreSQL server cannot be reached or refused the statement (a dropped connection, a restart, a full
    /// disk on the server): the user gets "can't save right now" as for the LiteDB file, but nothing here reopens.
    /// </summary>
    public static bool IsPostgres(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException)
                return true;
        }

        return false;
    }

    /// <summary>The innermost error: what the disk said ("No space left on device"), not LiteDB's reaction to it.</summary>
    public static Exception Root(Exception exception)
    {
        var root = exception;
        while (root.InnerException is not null)
            root = root.InnerException;
        return root;
    }
}

/// <summary>A write refused before it reached the database, because storage is failing and has not recovered yet.</summary>
internal sealed class StorageFailingException() : Exception("Storage is failing; writes wait until it recovers.");
