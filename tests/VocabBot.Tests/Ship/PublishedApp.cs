using System.Diagnostics;

namespace VocabBot.Tests.Ship;

/// <summary>
/// The app published to a folder the way the Dockerfile does it (Release publish for this machine's architecture,
/// framework-dependent, then content/ and appsettings.json beside it), shared by the tests that run it as a user would.
/// </summary>
public sealed class PublishedApp : IDisposable
{
    public PublishedApp()
    {
        RepositoryRoot = Paths.RepositoryRoot;
        Folder = Directory.CreateTempSubdirectory("vocabbot-publish-").FullName;
        var publish = Run("dotnet", ["publish", Path.Combine(RepositoryRoot, "src", "VocabBot"), "-c", "Release", "--use-current-runtime", "--self-contained", "false", "-o", Folder, "--nologo"], RepositoryRoot, null, TimeSpan.FromMinutes(5));
        if (publish.Code != 0)
            throw new InvalidOperationException($"dotnet publish failed:\n{publish.Output}\n{publish.Error}");
        // Laid out as the image lays it out, with the tests' own articles where the image has content/.
        CopyFolder(Paths.Library, Path.Combine(Folder, "content"));
        File.Copy(Path.Combine(RepositoryRoot, "appsettings.json"), Path.Combine(Folder, "appsettings.json"));
    }

    public string RepositoryRoot { get; }
    public string Folder { get; }

    /// <summary>Runs the published app from its folder, as the image's entry point does.</summary>
    public (int Code, string Output, string Error) App(string input, IDictionary<string, string>? environment, params string[] args) =>
        Run("dotnet", [Path.Combine(Folder, "VocabBot.dll"), .. args], Folder, input, TimeSpan.FromMinutes(2), environment);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static (int Code, string Output, string Error) Run(string file, string[] args, string workingDirectory, string? input, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
