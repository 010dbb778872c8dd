using System.Diagnostics;
using System.Threading.Channels;

namespace VocabBot.Tests;

/// <summary>`dotnet VocabBot.dll console` over pipes; stdout read as the banner, then replies, which end with an empty line.</summary>
internal sealed class ConsoleApp : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _blocks = Channel.CreateUnbounded<string>();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;

    private ConsoleApp(Process process)
    {
        _process = process;
        _stdout = ReadBlocksAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static ConsoleApp Start(string database, string? content = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = Paths.ConsoleProcess(database);
        if (content is not null)
            start.Environment["Content__Directory"] = content;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return new ConsoleApp(Process.Start(start)!);
    }

    /// <summary>What the app wrote to stderr (its log), once it has exited.</summary>
    public Task<string> ErrorsAsync() => _stderr.WaitAsync(ReplyTimeout);

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async Task<string> ReadBlockAsync() => await NextBlockAsync() ?? throw await ExitedEarlyAsync();

    /// <summary>The next reply, or null once the app's output has ended.</summary>
    public async Task<string?> NextBlockAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        try
        {
            return await _blocks.Reader.WaitToReadAsync(timeout.Token) && _blocks.Reader.TryRead(out var block) ? block : null;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"no reply within {ReplyTimeout.TotalSeconds} s; stderr:\n{await _stderr}");
        }
    }

    public async Task<Exception> ExitedEarlyAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(ReplyTimeout);
        return new InvalidOperationException($"the app exited with {_process.ExitCode} before replying; stderr:\n{await _stderr}");
    }

    public void Kill() => _process.Kill(); // SIGKILL on Unix

    /// <summary>After a kill: the replies the app printed before it died, the pending read's included.</summary>
    public async Task<List<string>> RestAsync(Task<string?> pending)
    {
        await _stdout.WaitAsync(ReplyTimeout);
        var blocks = new List<string>();
        if (await pending is { } first)
            blocks.Add(first);
        while (_blocks.Reader.TryRead(out var block))
            blocks.Add(block);
        return blocks;
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        Assert.True(_process.ExitCode == 0, $"exit {_process.ExitCode}; stderr:\n{await _stderr}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    // A reply is cut off by the kill when its empty line never came: that one was not acknowledged.
    private async Task ReadBlocksAsync()
    {
        var block = new System.Text.StringBuilder();
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("VocabBot console:", StringComparison.Ordinal))
            {
                _blocks.Writer.TryWrite(line); // the banner, the one reply without an empty line after it
                continue;
            }

            if (line.Length > 0)
            {
                block.Append(line).Append('\n');
                continue;
            }

            if (block.Length > 0)
                _blocks.Writer.TryWrite(block.ToString());
            block.Clear();
        }

        _blocks.Writer.TryComplete();
    }
}
