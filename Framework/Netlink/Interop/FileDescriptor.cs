using System.Runtime.InteropServices;

namespace MizarNF.Netlink.Interop;

/// <summary>An owned file descriptor (a netlink socket, a namespace file); releasing it closes it.</summary>
internal sealed class FileDescriptor : SafeHandle
{
    internal FileDescriptor(int fd)
        : base(-1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle < 0;

    /// <summary>The descriptor; only meaningful while the handle is open.</summary>
    internal int Fd => (int)handle;

    protected override bool ReleaseHandle() => Libc.close((int)handle) == 0;
}
