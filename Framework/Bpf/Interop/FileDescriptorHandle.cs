using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>An owned file descriptor (a BPF map or program fd, a namespace fd); releasing it closes it.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    internal FileDescriptorHandle(int fd)
        : base(-1, ownsHandle: true) => SetHandle(fd);

    public override bool IsInvalid => handle < 0;

    /// <summary>The descriptor; only meaningful while the handle is open (hold a lease around its use).</summary>
    internal int Fd => (int)handle;

    protected override bool ReleaseHandle() => Libc.close((int)handle) == 0;
}
