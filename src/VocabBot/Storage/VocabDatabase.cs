using LiteDB;

namespace VocabBot.Storage;

/// <summary>
/// The one LiteDB database of the app. LiteDB is thread-safe, so one instance serves everything;
/// it gets its own <see cref="BsonMapper"/> so that no feature depends on global mapper state.
/// </summary>
internal sealed class VocabDatabase : IDisposable
{
    public VocabDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        Database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
    }

    /// <summary>An in-memory database, for tests and benchmarks.</summary>
    public VocabDatabase(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Database = new LiteDatabase(stream, CreateMapper());
    }

    public LiteDatabase Database { get; }

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose() => Database.Dispose();

    private static BsonMapper CreateMapper() => new()
    {
        EnumAsInteger = false,
        TrimWhitespace = false,
        EmptyStringToNull = false,
    };
}
