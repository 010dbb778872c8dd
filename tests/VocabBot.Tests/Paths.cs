namespace VocabBot.Tests;

internal static class Paths
{
    /// <summary>The folder holding VocabBot.sln, found upward from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VocabBot.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("VocabBot.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temp folder of articles written by a test, deleted with it.</summary>
internal sealed class TempContent : IDisposable
{
    public TempContent() => System.IO.Directory.CreateDirectory(Directory);

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "vocabbot-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes an article whose table rows are "word | ipa | pos | chinese | example" and whose body marks each word.</summary>
    public TempContent Article(string file, string title, string date, params string[] rows)
    {
        var words = rows.Select(r => r.Split('|')[0].Trim());
        var body = string.Join(' ', words.Select(w => $"They talked about `{w}` today."));
        var table = string.Join('\n', rows.Select(r => $"| {r} |"));
        File.WriteAllText(Path.Combine(Directory, file), $"""
            ---
            title: {title}
            date: {date}
            link: https://example.com/{Path.GetFileNameWithoutExtension(file)}
            ---

            {body}

            | Word | IPA | POS | Chinese | Example |
            |------|-----|-----|---------|---------|
            {table}
            """);
        return this;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does no harm.
        }
    }
}
