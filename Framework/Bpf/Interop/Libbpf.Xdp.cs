using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>XDP attachment over netlink (linux/if_link.h flags and attach modes).</summary>
internal static unsafe partial class Libbpf
{
    internal const uint XDP_FLAGS_UPDATE_IF_NOEXIST = 1;
    internal const uint XDP_FLAGS_SKB_MODE = 2;
    internal const uint XDP_FLAGS_DRV_MODE = 4;
    internal const uint XDP_FLAGS_HW_MODE = 8;
    internal const uint XDP_FLAGS_REPLACE = 16;

    internal const byte XDP_ATTACHED_NONE = 0;
    internal const byte XDP_ATTACHED_DRV = 1;
    internal const byte XDP_ATTACHED_SKB = 2;
    internal const byte XDP_ATTACHED_HW = 3;
    internal const byte XDP_ATTACHED_MULTI = 4;

    [LibraryImport(Library)]
    internal static partial int bpf_xdp_attach(int ifindex, int prog_fd, uint flags, bpf_xdp_attach_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_xdp_detach(int ifindex, uint flags, bpf_xdp_attach_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_xdp_query(int ifindex, int flags, bpf_xdp_query_opts* opts);
}
