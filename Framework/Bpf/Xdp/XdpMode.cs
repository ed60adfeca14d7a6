using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>Where an XDP program runs. Values match the kernel's XDP_ATTACHED_* report of each mode.</summary>
public enum XdpMode
{
    /// <summary>In the driver (XDP_FLAGS_DRV_MODE); fails on a device without native XDP.</summary>
    Native = Libbpf.XDP_ATTACHED_DRV,

    /// <summary>In the generic skb path (XDP_FLAGS_SKB_MODE); works everywhere, slower.</summary>
    Generic = Libbpf.XDP_ATTACHED_SKB,
}
