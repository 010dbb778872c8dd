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
    public void DiskError_IsAStorageFailure() =>
        Assert.True(StorageFailure.Is(new InvalidOperationException("wrapped", new IOException("No space left on device"))));
}
