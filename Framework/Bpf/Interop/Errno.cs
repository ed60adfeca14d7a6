namespace MizarNF.Bpf.Interop;

/// <summary>The errno values the library reacts to (asm-generic/errno*.h).</summary>
internal static class Errno
{
    internal const int ENOENT = 2;
    internal const int EBUSY = 16;
    internal const int EEXIST = 17;
    internal const int EINVAL = 22;
    internal const int ENOSPC = 28;
    internal const int EOPNOTSUPP = 95;

    /// <summary>Kernel-internal (include/linux/errno.h), yet BPF syscalls return it to user space.</summary>
    internal const int ENOTSUPP = 524;
}
