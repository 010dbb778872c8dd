namespace VocabBot.Tests;

internal static class Paths
{
    /// <summary>The folder holding VocabBot.sln, found upward from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The tests' own study articles (the seed note), in place of the repository's content/ folder.</summary>
    public static string Library { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Library");

    /// <summary>
    /// The app's own build output. The test folder's copy of VocabBot.dll cannot run on its own: it would
    /// resolve Hosting from the ASP.NET Core framework the test project references, which the app does not.
    /// </summary>
    public static string AppDll => BuiltDll(Path.Combine("src", "VocabBot"), "VocabBot.dll");

    /// <summary>
    /// The word-of-the-day cluster test's node host (tests/VocabBot.ClusterNode), in its own build output: the test
    /// project builds it but does not take its assembly (ReferenceOutputAssembly="false").
    /// </summary>
    public static string ClusterNodeDll => BuiltDll(Path.Combine("tests", "VocabBot.ClusterNode"), "VocabBot.ClusterNode.dll");

    // In the project's bin folder, built in the tests' own configuration for their framework (Debug/net10.0).
    private static string BuiltDll(string project, string dll)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepositoryRoot, project, "bin", output.Parent!.Name, output.Name, dll);
    }

    /// <summary>How to run the app's console as a child process over pipes, on its own database.</summary>
    public static System.Diagnostics.ProcessStartInfo ConsoleProcess(string databasePath)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(AppDll);
        start.ArgumentList.Add("console");
        start.Environment["Storage__DatabasePath"] = databasePath;
        // Beside the database, not under the repository's data/, where parallel tests would write the same stats.png.
        start.Environment["Console__ImageDirectory"] = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "images");
        start.Environment["Content__Watch"] = "false";
        start.Environment["Content__Directory"] = Library;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        return start;
    }

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
