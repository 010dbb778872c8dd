using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VocabBot.Tests.Discord;

/// <summary>Keeps every log line the host writes (message, exception and structured values) for assertions.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public Signal Changes { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public Task WaitForAsync(string text) =>
        Changes.WaitUntilAsync(() => Lines.Any(line => line.Contains(text, StringComparison.Ordinal)), $"a log line with '{text}'");

    public void AssertNeverContains(string secret) =>
        Assert.DoesNotContain(Lines, line => line.Contains(secret, StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            logs._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
            logs.Changes.Pulse();
        }
    }
}
