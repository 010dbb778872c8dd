using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using VocabBot.Tests.Content;
using VocabBot.Tests.Ship;

namespace VocabBot.Tests.Reliability;

/// <summary>
/// Issue #12 item 4 with the built app as a process: a content folder of hostile files does not stop
/// start-up, SIGTERM stops the app (also while it parses a slow file), and `check` exits 0, 1 or 2, never
/// aborts. Every wait is bounded, and every process is killed if a test leaves it running.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class HostileContentProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempFolder _root = new();
    private readonly string _content;
    private readonly List<Process> _processes = [];

    public HostileContentProcessTests()
    {
        _content = Directory.CreateDirectory(_root.File("content")).FullName;
        File.Copy(Path.Combine(TestFiles.Articles, "seed.md"), Path.Combine(_content, "seed.md"));
    }

    public void Dispose()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
        }

        _root.Dispose();
    }

    private string Content(string name) => Path.Combine(_content, name);

    /// <summary>Every kind of file that once crashed or hung start-up, beside seed.md.</summary>
    private void WriteHostileFiles()
    {
        HostileFiles.Fifo(Content("pipe.md"));
        HostileFiles.Fifo(_root.File("outside-pipe"));
        File.CreateSymbolicLink(Content("outside-pipe.md"), _root.File("outside-pipe"));
        File.CreateSymbolicLink(Content("zero.md"), "/dev/zero");
        File.WriteAllText(Content("deep.md"), HostileFiles.DeepQuotes);
        HostileFiles.LinkLoops(_content);
    }

    private Process Start(string database, params (string Key, string Value)[] settings)
    {
        var start = Paths.ConsoleProcess(database);
        start.Environment["Content__Directory"] = _content;
        start.Environment["Content__Watch"] = "true";
        foreach (var (key, value) in settings)
            start.Environment[key] = value;
        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    private static async Task<int> SigtermAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return process.ExitCode;
    }

    [Fact]
    public async Task Console_OverAFolderOfHostileFiles_StartsAndAnswers_AndStopsOnSigterm()
    {
        WriteHostileFiles();
        var process = Start(_root.File("vocabbot.db"));
        var stderr = process.StandardError.ReadToEndAsync();

        await process.StandardInput.WriteLineAsync("/define loosened");
        await process.StandardInput.FlushAsync();
        using (var wait = new CancellationTokenSource(Bound))
        {
            while (await process.StandardOutput.ReadLineAsync(wait.Token) is { } line && !line.StartsWith("loosened → loosen", StringComparison.Ordinal))
            {
            }
        }

        Assert.Equal(0, await SigtermAsync(process));
        var errors = await stderr;
        Assert.Contains("pipe.md:0: is a named pipe (FIFO), not a regular file; not read", errors, StringComparison.Ordinal);
        Assert.Contains($"outside-pipe.md:0: is a link to '{_root.File("outside-pipe")}', outside the content folder; not read", errors, StringComparison.Ordinal);
        Assert.Contains("zero.md:0: is a link to '/dev/zero', outside the content folder; not read", errors, StringComparison.Ordinal);
        Assert.Contains("deep.md:1: Markdig cannot read this file", errors, StringComparison.Ordinal);
        Assert.Contains("ping.md:0: is a link that leads nowhere", errors, StringComparison.Ordinal);
        Assert.Contains($"Content imported from {_content}: 1 added, 0 updated, 0 unchanged, 0 removed, 6 failed; 41 words", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WhileStartUpParsesASlowFile_StopsTheApp()
    {
        File.WriteAllText(Content("slow.md"), HostileFiles.Head + string.Concat(Enumerable.Repeat("[a](", 250_000)));
        var process = Start(_root.File("vocabbot.db"), ("Content__ParseTimeout", "00:10:00"));
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        // The parse runs on a thread of its own named ArticleParser: once the OS lists it, start-up is inside the parse.
        using (var wait = new CancellationTokenSource(Bound))
        {
            while (!ThreadNames(process).Contains("ArticleParser"))
            {
                Assert.False(process.HasExited, $"the app exited with {(process.HasExited ? process.ExitCode : 0)} before it parsed slow.md");
                await Task.Delay(50, wait.Token);
            }
        }

        var exit = await SigtermAsync(process);
        Assert.True(exit == 0, $"exit {exit}\n{await stderr}");
        Assert.Contains("stopped because the app is stopping", await stderr, StringComparison.Ordinal);
        await stdout;
    }

    [Fact]
    public void Check_OverAFolderOfHostileFiles_ExitsOne_WithAnErrorForEach()
    {
        WriteHostileFiles();

        var (code, output, error) = BuiltApp.Run(_root.Path, null, "check", _content);

        Assert.True(code == 1, $"exit code {code}: {error}");
        var lines = BuiltApp.Lines(output);
        Assert.Equal("1 article(s), 41 word(s), 6 error(s), 3 warning(s)", lines[0]);
        Assert.Equal(["deep.md", "outside-pipe.md", "ping.md", "pipe.md", "pong.md", "zero.md"],
            lines.Where(l => l.Contains(": error: ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zero.md", 1)]
    [InlineData("pipe.md", 1)]
    [InlineData("deep.md", 1)]
    [InlineData("seed.md", 0)]
    public void CheckOneFile_ExitsZeroOrOne(string file, int expected)
    {
        WriteHostileFiles();

        var (code, _, error) = BuiltApp.Run(_content, null, "check", file);

        Assert.True(code == expected, $"exit code {code}: {error}");
    }

    [Fact]
    public void Check_ABadMaxFileBytes_ExitsTwo()
    {
        var (code, _, error) = BuiltApp.Run(_content, new Dictionary<string, string> { ["Content__MaxFileBytes"] = "-1" }, "check", "seed.md");

        Assert.True(code == 2, $"exit code {code}: {error}");
        Assert.Equal("Configuration error: Content:MaxFileBytes: The field MaxFileBytes must be between 1 and 67108864 (got '-1')", error.TrimEnd());
    }

    [Fact]
    public void Console_BadMaxFileBytesAndParseTimeout_ExitTwo_WithOneLineEach()
    {
        var settings = new Dictionary<string, string>
        {
            ["Content__Directory"] = _content,
            ["Content__MaxFileBytes"] = "0",
            ["Content__ParseTimeout"] = "forever",
            ["Storage__DatabasePath"] = _root.File("vocabbot.db"),
        };

        var (code, _, error) = BuiltApp.Run(_root.Path, settings, "console");

        Assert.True(code == 2, $"exit code {code}: {error}");
        Assert.Equal(
            ["Configuration error: Content:ParseTimeout: 'forever' is not a duration like 00:00:30 (hh:mm:ss)"],
            BuiltApp.Lines(error));
        var (_, _, rangeError) = BuiltApp.Run(_root.Path, new Dictionary<string, string>(settings) { ["Content__ParseTimeout"] = "00:00:05" }, "console");
        Assert.Equal(
            ["Configuration error: Content:MaxFileBytes: The field MaxFileBytes must be between 1 and 67108864"],
            BuiltApp.Lines(rangeError));
    }

    [Fact]
    public void AFileTheAppMayNotRead_IsAnErrorForThatFile_InCheckAndAtStartUp()
    {
        // Root reads a file of mode 000 all the same, so as root the app runs as 'nobody'.
        File.Copy(Content("seed.md"), Content("secret.md"));
        File.SetUnixFileMode(Content("secret.md"), UnixFileMode.None);
        var data = Directory.CreateDirectory(_root.File("data")).FullName;
        foreach (var folder in new[] { _root.Path, _content })
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(data, (UnixFileMode)0b111_111_111);
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Content__Directory"] = _content,
            ["Content__Watch"] = "false",
            ["Storage__DatabasePath"] = Path.Combine(data, "vocabbot.db"),
        };

        var check = RunUnprivileged(["check"], null, settings);
        var console = RunUnprivileged(["console"], "/define loosened\n", settings);

        Assert.True(check.Code == 1, $"exit code {check.Code}: {check.Error}");
        Assert.Equal(
            ["1 article(s), 41 word(s), 1 error(s), 0 warning(s)", $"secret.md:0: error: could not be read (Permission denied: '{Content("secret.md")}')"],
            BuiltApp.Lines(check.Output));
        Assert.True(console.Code == 0, $"exit code {console.Code}: {console.Error}");
        Assert.Contains("loosened → loosen", console.Output, StringComparison.Ordinal);
        Assert.Contains($"secret.md:0: could not be read (Permission denied: '{Content("secret.md")}'); kept as it was", console.Error, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) RunUnprivileged(string[] args, string? input, Dictionary<string, string> settings)
    {
        string[] command = ["dotnet", Paths.AppDll, .. args];
        if (Environment.IsPrivilegedProcess)
            command = ["runuser", "-u", "nobody", "--", .. command];
        return PublishedApp.Run(command[0], command[1..], _root.Path, input, Bound, settings);
    }

    private static HashSet<string> ThreadNames(Process process)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var task in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
        {
            try
            {
                names.Add(File.ReadAllText(Path.Combine(task, "comm")).Trim());
            }
            catch (IOException)
            {
                // A thread that ended while the list was read.
            }
        }

        return names;
    }
}
