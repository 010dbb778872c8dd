using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace VocabBot.Storage;

/// <summary>
/// What is wrong with a LiteDB 5 data file, found before LiteDB opens it: LiteDB takes a file shorter than a page
/// for a new database and writes a fresh header over it, and opens a file cut at a page boundary as if it were
/// whole, failing only at the first read of a page that is gone.
/// </summary>
internal static class DatabaseFile
{
    public const int PageSize = 8192;

    // LiteDB 5's header page (HeaderPage.cs): its text at 32, the file format version at 59, the last page id at 64.
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const int HeaderInfoAt = 32;
    private const int FileVersionAt = 59;
    private const byte FileVersion = 8;
    private const int LastPageIdAt = 64;

    /// <summary>Why the file at <paramref name="path"/> cannot be a whole database, or null when it can (or is new: missing or empty).</summary>
    public static string? Problem(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
            return null;
        if (file.Length < PageSize)
            return Invariant($"{file.Length} bytes, shorter than one {PageSize / 1024} KB page");
        if (file.Length % PageSize != 0)
            return Invariant($"{file.Length} bytes, not a whole number of {PageSize / 1024} KB pages: it was cut short");

        var header = new byte[PageSize];
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            stream.ReadExactly(header);
        if (Encoding.ASCII.GetString(header, HeaderInfoAt, HeaderInfo.Length) != HeaderInfo)
            return "it does not start with a LiteDB header";
        if (header[FileVersionAt] != FileVersion)
            return Invariant($"LiteDB file format {header[FileVersionAt]}, not {FileVersion}");
        var pages = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdAt)) + 1L;
        if (pages * PageSize > file.Length)
            return Invariant($"its header counts {pages} pages but the file holds {file.Length / PageSize}: it was cut short");
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
