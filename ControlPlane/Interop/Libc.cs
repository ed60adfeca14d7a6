using System.Runtime.InteropServices;

namespace MizarNF.ControlPlane.Interop;

/// <summary>The few libc calls .NET does not offer: fsync of a directory, so that a rename is durable.</summary>
internal static partial class Libc
{
    private const int O_RDONLY = 0;
    private const int O_DIRECTORY = 0x10000; // Linux, x86-64 and arm64

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);

    /// <summary>Flushes a directory's entries to disk; throws <see cref="IOException"/> with errno when that fails.</summary>
    public static void FsyncDirectory(string path)
    {
        var fd = open(path, O_RDONLY | O_DIRECTORY);
        if (fd < 0)
        {
            throw new IOException($"open({path}) for fsync failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync({path}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }
}
