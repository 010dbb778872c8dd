using LiteDB;
using VocabBot.Storage;

namespace VocabBot.Tests.Storage;

/// <summary>
/// LiteDB copies its -log file into the data file on the commit that passes its checkpoint size, and that commit (an
/// answer) waits for the copy; the app sets a larger size than LiteDB's default so that fewer answers wait.
/// </summary>
public sealed class CheckpointSizeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vocabbot-checkpoint-").FullName;

    [Fact]
    public void DatabaseFromBefore_GetsTheAppsCheckpointSize_AndKeepsItsData()
    {
        var file = Path.Combine(_directory, "vocabbot.db");
        using (var older = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }))
        {
            Assert.Equal(1000, older.CheckpointSize); // LiteDB's default, as every earlier version left the file
            older.GetCollection("answers").Insert(new BsonDocument { ["n"] = 1 });
        }

        using (var database = new VocabDatabase(file))
        {
            Assert.Equal(VocabDatabase.CheckpointPages, database.Database.CheckpointSize);
            Assert.Equal(1, database.Database.GetCollection("answers").Count());
        }

        using var again = new VocabDatabase(file);
        Assert.Equal(VocabDatabase.CheckpointPages, again.Database.CheckpointSize);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
