using System.Collections;
using System.Reflection;
using LiteDB;

namespace VocabBot.Storage;

/// <summary>
/// LiteDB 5.0.21 leaves the transaction of a write that failed (a full disk) open, and its finalizer throws on
/// the GC's thread ("discarded page must be writable", LiteDB issues #2586 and #2828), which ends the process
/// minutes later. Before an instance whose write failed is dropped, its open transactions are taken off the
/// finalizer queue: the instance is never used again, and the next open reads its -log file.
/// </summary>
internal static class AbandonedTransactions
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    /// <summary>
    /// Keeps the finalizer of each transaction still open on <paramref name="database"/> from running. Returns how
    /// many there were, or null when LiteDB keeps them elsewhere (an upgrade; a test fails on that).
    /// </summary>
    public static int? Disarm(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (Field(Field(Field(database, "_engine"), "_monitor"), "_transactions") is not IDictionary transactions)
            return null;
        List<object> open;
        lock (transactions)
            open = [.. transactions.Values.Cast<object>()];
        foreach (var transaction in open)
            GC.SuppressFinalize(transaction);
        return open.Count;
    }

    private static object? Field(object? owner, string name) => owner?.GetType().GetField(name, Private)?.GetValue(owner);
}
