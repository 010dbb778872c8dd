using System.Globalization;
using VocabBot.Chat;

namespace VocabBot.Console;

/// <summary>A file option typed in the console: a path on this machine, read as a Discord attachment would be.</summary>
internal sealed class ConsoleFile(string path)
    : ChatFile(Path.GetFileName(path), File.Exists(path) ? new FileInfo(path).Length : null, null)
{
    public string FullPath { get; } = Path.GetFullPath(path);

    public override async Task<byte[]> ReadAsync(long maxBytes, CancellationToken cancellationToken)
    {
        var info = new FileInfo(FullPath);
        if (!info.Exists)
            throw new ChatFileException("FileMissing", [FullPath]);
        if (info.Length > maxBytes)
            throw new ChatFileException("FileTooBig", [info.Name, (info.Length / 1024.0).ToString("0.#", CultureInfo.InvariantCulture), maxBytes / 1024]);
        try
        {
            return await File.ReadAllBytesAsync(FullPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChatFileException("FileUnreadable", [FullPath, e.Message], e);
        }
    }
}
