using System.Diagnostics;

namespace VocabBot.Tests.Content;

/// <summary>Content files that once crashed or hung the import (issue #12, item 4), written into a test's own folder.</summary>
internal static class HostileFiles
{
    public const string Head = "---\ntitle: Hostile\n---\n\n";

    /// <summary>A line of 128 '>': Markdig throws "too deeply nested".</summary>
    public static string DeepQuotes => Head + new string('>', 128) + " deep\n";

    /// <summary>400 KB of "[a](": Markdig's work grows with its square (1 MB took 12 minutes).</summary>
    public static string SlowLinks => Head + string.Concat(Enumerable.Repeat("[a](", 100_000));

    /// <summary>
    /// 300 KB of link reference definitions: Markdig reads them in one step when the paragraph closes, with no
    /// line or run of text in between where a parse can be stopped (1 MB took a minute).
    /// </summary>
    public static string SlowReferences => Head + string.Concat(Enumerable.Repeat("[a]: b\n", 43_000));

    /// <summary>A named pipe: opening it to read waits until something writes to it.</summary>
    public static void Fifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit(10_000);
        Assert.True(File.Exists(path), $"mkfifo {path} failed");
    }

    /// <summary>Two subfolders whose links lead into each other: a walk that follows them never ends.</summary>
    public static void LinkLoops(string folder)
    {
        var a = Directory.CreateDirectory(Path.Combine(folder, "a")).FullName;
        var b = Directory.CreateDirectory(Path.Combine(folder, "b")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(a, "to-b"), "../b");
        Directory.CreateSymbolicLink(Path.Combine(b, "to-a"), "../a");
        Directory.CreateSymbolicLink(Path.Combine(a, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(folder, "ping.md"), "pong.md");
        File.CreateSymbolicLink(Path.Combine(folder, "pong.md"), "ping.md");
    }

    /// <summary>Runs <paramref name="work"/> on another thread and fails the test, instead of hanging it, when it takes over a minute.</summary>
    public static async Task<T> Bounded<T>(Func<T> work) =>
        await Task.Run(work).WaitAsync(TimeSpan.FromSeconds(60));
}
