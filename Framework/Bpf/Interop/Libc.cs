using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>The few libc calls the namespace and interface helpers need; each sets errno.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    internal const int O_RDONLY = 0;
    internal const int O_CLOEXEC = 0x80000;
    internal const int CLONE_NEWNET = 0x40000000;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial uint if_nametoindex(string ifname);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int setns(int fd, int nstype);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);

    /// <summary>
    /// Formats a libbpf message. <paramref name="ap"/> is the <c>va_list</c> libbpf handed to its
    /// print callback, passed on as received: on x86-64 and arm64 Linux a va_list parameter is a
    /// pointer either way.
    /// </summary>
    [LibraryImport(Library)]
    internal static partial int vsnprintf(byte* str, nuint size, byte* format, nint ap);

    /// <summary>open(2) without a mode: never called with O_CREAT.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int open(string pathname, int flags);
}
