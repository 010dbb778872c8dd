using System.Globalization;

namespace VocabBot.Content;

/// <summary>An article file in the content folder: its name there ('/'-separated), the path it is read from, or why it is refused.</summary>
internal sealed record ArticleFile(string Name, string Path, Diagnostic? Refused = null);

/// <summary>What a walk of the content folder found; the articles of a folder that could not be listed are kept as they were.</summary>
internal sealed record FolderListing(IReadOnlyList<ArticleFile> Files, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<string> UnlistedFolders);

/// <summary>One article file's bytes, or why there are none; <paramref name="Unreadable"/> when reading failed, not the content.</summary>
internal sealed record FileBytes(byte[]? Bytes, Diagnostic? Problem, bool Unreadable);

/// <summary>
/// Walks and reads the content folder as untrusted input. Only regular files are read. A link is followed
/// only to a regular file inside the folder, never to a folder: every folder inside is walked anyway, so
/// following a link to one could only read its files twice or go round a loop. A folder met a second time
/// (a bind mount of a folder inside itself) is not walked again. A file over Content:MaxFileBytes is
/// refused before it is read.
/// </summary>
internal static class ContentFolder
{
    public static FolderListing List(string directory)
    {
        var walk = new Walk(directory);
        var folders = new Stack<string>([""]);
        var seen = new HashSet<(ulong, ulong)>();
        while (folders.TryPop(out var folder))
        {
            var path = folder.Length == 0 ? directory : Path.Combine(directory, folder);
            if (FileEntries.IdentityOf(path) is { } identity && !seen.Add(identity))
            {
                walk.Problem(folder, Severity.Warning, "is a folder already read under another name (a folder mounted inside itself); not read again");
                continue;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                walk.Unlisted.Add(folder);
                walk.Problem(folder.Length == 0 ? directory : folder, Severity.Error, $"could not be listed ({e.Message}); the articles imported from it are kept as they were");
                continue;
            }

            foreach (var entry in entries)
            {
                var name = folder.Length == 0 ? Path.GetFileName(entry) : $"{folder}/{Path.GetFileName(entry)}";
                if (walk.Add(entry, name) == EntryKind.Directory)
                    folders.Push(name);
            }
        }

        return walk.Listing();
    }

    /// <summary>One named file, checked as the walk checks each entry.</summary>
    public static FolderListing ListOne(string directory, string fileName)
    {
        var walk = new Walk(directory);
        walk.Add(Path.Combine(directory, fileName), fileName);
        return walk.Listing();
    }

    /// <summary>Reads at most <paramref name="maxBytes"/>; never blocks on a pipe, never reads a device.</summary>
    public static FileBytes Read(ArticleFile file, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Refused is not null)
            return new FileBytes(null, file.Refused, Unreadable: false);
        try
        {
            var (stream, kind, length) = FileEntries.OpenForRead(file.Path);
            if (stream is null)
                return Refuse(file.Name, $"is {Describe(kind)}, not a regular file; not read");
            using (stream)
            {
                if (length > maxBytes)
                    return Refuse(file.Name, TooBig($"is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes", maxBytes));
                var bytes = ReadAtMost(stream, (int)length, maxBytes);
                return bytes is null
                    ? Refuse(file.Name, TooBig("grew while it was read to", maxBytes))
                    : new FileBytes(bytes, null, Unreadable: false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file being written right now is a warning: the watcher sees its next change. One the process may not read is an error.
            var severity = e is UnauthorizedAccessException ? Severity.Error : Severity.Warning;
            return new FileBytes(null, new Diagnostic(file.Name, 0, severity, $"could not be read ({e.Message})"), Unreadable: true);
        }
    }

    private static string TooBig(string size, int maxBytes) =>
        $"{size} more than Content:MaxFileBytes ({maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes); not read";

    /// <summary>The stream's bytes, or null when it holds more than <paramref name="maxBytes"/> (a file may grow after its size was taken).</summary>
    private static byte[]? ReadAtMost(Stream stream, int expected, int maxBytes)
    {
        var buffer = new byte[Math.Min(expected, maxBytes) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                    return null;
                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, maxBytes + 1L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }

        Array.Resize(ref buffer, total);
        return buffer;
    }

    private static FileBytes Refuse(string name, string message) =>
        new(null, new Diagnostic(name, 0, Severity.Error, message), Unreadable: false);

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "a named pipe (FIFO)",
        EntryKind.Device => "a device",
        EntryKind.Socket => "a socket",
        EntryKind.Directory => "a folder",
        _ => "gone",
    };

    /// <summary>The state of one walk: what it found so far, and the folder's real path that links must stay inside.</summary>
    private sealed class Walk(string directory)
    {
        private readonly string _root = Path.TrimEndingDirectorySeparator(FileEntries.RealPath(directory) ?? Path.GetFullPath(directory));
        private readonly List<ArticleFile> _files = [];
        private readonly List<Diagnostic> _problems = [];

        public List<string> Unlisted { get; } = [];

        public void Problem(string name, Severity severity, string message) => _problems.Add(new Diagnostic(name, 0, severity, message));

        public FolderListing Listing() =>
            new(_files.OrderBy(f => f.Name, StringComparer.Ordinal).ToList(), _problems, Unlisted);

        /// <summary>Takes in one entry of a folder; returns its kind, so the caller walks into folders.</summary>
        public EntryKind Add(string path, string name)
        {
            var kind = FileEntries.KindOf(path);
            var isArticle = ContentImporter.IsArticleFile(name);
            switch (kind)
            {
                case EntryKind.File when isArticle:
                    _files.Add(new ArticleFile(name, path));
                    break;
                case EntryKind.Fifo or EntryKind.Device or EntryKind.Socket when isArticle:
                    Refuse(name, $"is {Describe(kind)}, not a regular file; not read");
                    break;
                case EntryKind.Link:
                    AddLink(path, name, isArticle);
                    break;
            }

            return kind;
        }

        private void AddLink(string path, string name, bool isArticle)
        {
            var target = FileEntries.RealPath(path);
            var kind = target is null ? EntryKind.Missing : FileEntries.KindOf(target);
            var inside = target is not null && (target == _root || target.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (kind == EntryKind.Directory)
                Problem(name, Severity.Warning, inside
                    ? "is a link to a folder; links to folders are not followed (the folder inside is read where it is)"
                    : $"is a link to the folder '{target}' outside the content folder; not followed");
            else if (!isArticle)
                return;
            else if (target is null)
                Refuse(name, "is a link that leads nowhere (a missing target, or links that loop); not read");
            else if (!inside)
                Refuse(name, $"is a link to '{target}', outside the content folder; not read");
            else if (kind != EntryKind.File)
                Refuse(name, $"is a link to {Describe(kind)}, not a regular file; not read");
            else
                _files.Add(new ArticleFile(name, target));
        }

        private void Refuse(string name, string message) =>
            _files.Add(new ArticleFile(name, "", new Diagnostic(name, 0, Severity.Error, message)));
    }
}
