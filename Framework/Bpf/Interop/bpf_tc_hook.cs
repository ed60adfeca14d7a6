using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>libbpf.h <c>struct bpf_tc_hook</c> (libbpf 1.1.2); the trailing <c>size_t :0</c> pads it to 24.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct bpf_tc_hook
{
    public nuint sz;
    public int ifindex;
    public int attach_point;
    public uint parent;
}
