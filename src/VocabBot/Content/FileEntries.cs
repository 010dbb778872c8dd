using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace VocabBot.Content;

/// <summary>What a name in a folder is, seen without following a link at its end.</summary>
internal enum EntryKind { Missing, File, Directory, Link, Fifo, Device, Socket }

/// <summary>
/// The file-system facts .NET does not give: whether a name is a regular file or a pipe or device (both
/// look like files to <see cref="FileInfo"/>, and opening a pipe blocks until someone writes to it), which
/// folder a path really is, and a way to open a file that can never block. On Linux they come from statx,
/// realpath and a non-blocking open; elsewhere from what .NET can tell, which cannot tell a pipe from a file.
/// </summary>
internal static class FileEntries
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int OpenReadOnlyNonBlocking = 0x800;
    private const int OpenCloseOnExec = 0x80000;

    public static EntryKind KindOf(string path)
    {
        if (!OperatingSystem.IsLinux())
            return ManagedKindOf(path);
        return Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, out var status) == 0 ? Kind(status.Mode) : EntryKind.Missing;
    }

    /// <summary>The device and inode of the folder a path leads to, or null where the OS does not say.</summary>
    public static (ulong Device, ulong Inode)? IdentityOf(string path) =>
        OperatingSystem.IsLinux() && Statx(AtCurrentDirectory, path, 0, out var status) == 0 ? status.Identity : null;

    /// <summary>The path with every link resolved, or null when it leads nowhere (a broken link, a loop of links).</summary>
    public static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux())
            return ManagedRealPath(path);
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>
    /// Opens a file for reading without blocking, and says what was opened: a pipe swapped in after it was
    /// listed opens at once here (and is then refused) instead of waiting for a writer forever.
    /// </summary>
    public static (FileStream? Stream, EntryKind Kind, long Length) OpenForRead(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            return (stream, EntryKind.File, stream.Length);
        }

        var fd = Open(path, OpenReadOnlyNonBlocking | OpenCloseOnExec);
        if (fd < 0)
            throw OpenFailed(path, Marshal.GetLastPInvokeError());
        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        if (Statx(fd, "", AtEmptyPath, out var status) != 0 || Kind(status.Mode) != EntryKind.File)
        {
            handle.Dispose();
            return (null, Kind(status.Mode), 0);
        }

        return (new FileStream(handle, FileAccess.Read, 1), EntryKind.File, (long)status.Size);
    }

    private static Exception OpenFailed(string path, int errno)
    {
        var message = $"{Marshal.GetPInvokeErrorMessage(errno)}: '{path}'";
        return errno is 1 or 13 ? new UnauthorizedAccessException(message) : new IOException(message);
    }

    private static EntryKind Kind(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => EntryKind.File,
        0x4000 => EntryKind.Directory,
        0xA000 => EntryKind.Link,
        0x1000 => EntryKind.Fifo,
        0x2000 or 0x6000 => EntryKind.Device,
        0xC000 => EntryKind.Socket,
        _ => EntryKind.Missing,
    };

    private static EntryKind ManagedKindOf(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
            return EntryKind.Link;
        if (Directory.Exists(path))
            return EntryKind.Directory;
        return info.Exists ? EntryKind.File : EntryKind.Missing;
    }

    private static string? ManagedRealPath(string path)
    {
        try
        {
            var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return target is null ? Path.GetFullPath(path) : target.Exists ? target.FullName : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The fields of Linux's struct statx this class reads; the kernel's layout is the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(136)] public uint DeviceMajor;
        [FieldOffset(140)] public uint DeviceMinor;

        public readonly (ulong, ulong) Identity => (((ulong)DeviceMajor << 32) | DeviceMinor, Inode);
    }

    private static int Statx(int directory, string path, int flags, out StatxBuffer status) =>
        StatxNative(directory, path, flags, StatxBasicStats, out status);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatxNative(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer status);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}
