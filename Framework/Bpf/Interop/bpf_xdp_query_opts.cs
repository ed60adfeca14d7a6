using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>libbpf.h <c>struct bpf_xdp_query_opts</c> (libbpf 1.1.2); everything after sz is output.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct bpf_xdp_query_opts
{
    public nuint sz;
    public uint prog_id;
    public uint drv_prog_id;
    public uint hw_prog_id;
    public uint skb_prog_id;
    public byte attach_mode;
}
