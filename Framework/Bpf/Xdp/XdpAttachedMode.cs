using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>How XDP is attached to an interface, as the kernel reports it (IFLA_XDP_ATTACHED).</summary>
public enum XdpAttachedMode
{
    /// <summary>XDP_ATTACHED_NONE.</summary>
    None = Libbpf.XDP_ATTACHED_NONE,

    /// <summary>XDP_ATTACHED_DRV.</summary>
    Native = Libbpf.XDP_ATTACHED_DRV,

    /// <summary>XDP_ATTACHED_SKB.</summary>
    Generic = Libbpf.XDP_ATTACHED_SKB,

    /// <summary>XDP_ATTACHED_HW.</summary>
    Offloaded = Libbpf.XDP_ATTACHED_HW,

    /// <summary>XDP_ATTACHED_MULTI: programs in more than one mode at once.</summary>
    Multiple = Libbpf.XDP_ATTACHED_MULTI,
}
