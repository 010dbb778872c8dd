using LiteDB;
using Npgsql;
using VocabBot.Storage;

namespace VocabBot.Tests.Storage;

public sealed class StorageFailureTests
{
    // StorageHealth would take it for the LiteDB file failing, refuse every LiteDB write and reopen the file.
    [Fact]
    public void PostgreSQLConnectionDroppedMidQuery_IsNotALiteDBFailure() =>
        Assert.False(StorageFailure.Is(new NpgsqlException("Exception while reading from stream", new IOException("Connection reset by peer"))));

    [Fact]
    public void DiskErrorUnderLiteDB_IsAStorageFailure()
    {
        var log = new FullStream(); // a commit writes its pages to the log
        using var database = new LiteDatabase(new MemoryStream(), null, log);
        log.Full = true;

        var error = Record.Exception(() => database.GetCollection("answers").Insert(new BsonDocument { ["n"] = 1 }));

        Assert.NotNull(error);
        Assert.True(StorageFailure.Is(new InvalidOperationException("wrapped", error)));
        AbandonedTransactions.Disarm(database); // see the next test
    }

    // LiteDB 5.0.21 leaves the failed write's transaction open, and its finalizer throws on the GC's thread,
    // which ended the whole test run once. Reopen and Dispose disarm it; were LiteDB upgraded and its internals
    // moved, Disarm would find nothing and this fails.
    [Fact]
    public void FailedWrite_LeavesNoTransactionWhoseFinalizerWouldEndTheProcess()
    {
        FailOneWrite(out var open);

        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(1, open);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void FailOneWrite(out int? open)
    {
        var log = new FullStream { Full = true };
        var database = new LiteDatabase(new MemoryStream(), null, log);
        Assert.ThrowsAny<Exception>(() => database.GetCollection("answers").Insert(new BsonDocument { ["n"] = 1 }));
        open = AbandonedTransactions.Disarm(database);
        database.Dispose();
    }

    // A download's connection reset is an IOException too, and says nothing about the database.
    [Fact]
    public void IOErrorFromElsewhere_IsNotAStorageFailure() =>
        Assert.False(StorageFailure.Is(new ChatLikeException(new HttpRequestException("reset", ThrownIOException()))));

    private static IOException ThrownIOException()
    {
        try
        {
            throw new IOException("Connection reset by peer");
        }
        catch (IOException e)
        {
            return e;
        }
    }

    private sealed class ChatLikeException(Exception inner) : Exception("Downloading notes.md failed", inner);

    /// <summary>A database stream whose disk fills up when told to.</summary>
    private sealed class FullStream : MemoryStream
    {
        public bool Full { get; set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Full)
                throw new IOException("No space left on device");
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Full)
                throw new IOException("No space left on device");
            base.Write(buffer);
        }
    }
}
