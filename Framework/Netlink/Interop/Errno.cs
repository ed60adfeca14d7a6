namespace MizarNF.Netlink.Interop;

/// <summary>The errno values the library reacts to (asm-generic/errno*.h).</summary>
internal static class Errno
{
    internal const int ENOENT = 2;
    internal const int ESRCH = 3;
    internal const int EINTR = 4;
    internal const int EAGAIN = 11;
    internal const int EEXIST = 17;
    internal const int ENODEV = 19;
    internal const int EINVAL = 22;
    internal const int EADDRNOTAVAIL = 99;
}
