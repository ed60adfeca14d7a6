using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>bpf.h <c>struct bpf_map_batch_opts</c> (libbpf 1.1.2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct bpf_map_batch_opts
{
    public nuint sz;
    public ulong elem_flags;
    public ulong flags;
}
