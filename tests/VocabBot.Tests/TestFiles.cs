namespace VocabBot.Tests;

/// <summary>Test data shipped beside the tests, and throw-away folders for one test each.</summary>
internal static class TestFiles
{
    public static string Articles => Path.Combine(AppContext.BaseDirectory, "TestData", "Articles");

    public static byte[] Article(string name) => File.ReadAllBytes(Path.Combine(Articles, name));

    /// <summary>A fresh folder holding copies of the named test articles.</summary>
    public static TempFolder FolderWith(params string[] names)
    {
        var folder = new TempFolder();
        foreach (var name in names)
            File.Copy(Path.Combine(Articles, name), Path.Combine(folder.Path, name));
        return folder;
    }
}

internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("vocabbot-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing watcher; the OS cleans temp folders.
        }
    }
}

/// <summary>The scoreboard the app builds, on a database a test opened itself.</summary>
internal static class TestScoreboard
{
    public static VocabBot.Learning.Scores.Scoreboard On(VocabBot.Storage.VocabDatabase database) =>
        new(new VocabBot.Learning.Scores.LiteDbScoreStore(database), Microsoft.Extensions.Options.Options.Create(new VocabBot.Learning.LearningOptions()));
}
