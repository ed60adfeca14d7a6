using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Interop;

/// <summary>The libc calls a netlink socket and the ethtool ioctl need; each sets errno.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    internal const int AF_NETLINK = 16;
    internal const int SOCK_RAW = 3;
    internal const int SOCK_CLOEXEC = 0x80000;
    internal const int NETLINK_ROUTE = 0;
    internal const int SOL_SOCKET = 1;
    internal const int SO_RCVTIMEO = 20;
    internal const int SOL_NETLINK = 270;
    internal const int NETLINK_CAP_ACK = 10;
    internal const int NETLINK_EXT_ACK = 11;
    internal const int MSG_TRUNC = 0x20;
    internal const int O_RDONLY = 0;
    internal const int O_CLOEXEC = 0x80000;
    internal const uint SIOCETHTOOL = 0x8946;
    internal const uint SIOCGSKNS = 0x894c;

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int socket(int domain, int type, int protocol);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int bind(int fd, void* addr, uint addrlen);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int setsockopt(int fd, int level, int optname, void* optval, uint optlen);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial nint send(int fd, void* buf, nuint len, int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial nint recv(int fd, void* buf, nuint len, int flags);

    /// <summary>ioctl(2) is variadic in C; on x86-64 and arm64 Linux one pointer argument is passed as a fixed one would be.</summary>
    [LibraryImport(Library, SetLastError = true)]
    internal static partial int ioctl(int fd, nuint request, void* arg);

    /// <summary>open(2) without a mode: never called with O_CREAT.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int open(string pathname, int flags);

    [LibraryImport(Library, SetLastError = true)]
    internal static partial int close(int fd);
}
