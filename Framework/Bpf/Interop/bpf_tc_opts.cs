using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>libbpf.h <c>struct bpf_tc_opts</c> (libbpf 1.1.2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct bpf_tc_opts
{
    public nuint sz;
    public int prog_fd;
    public uint flags;
    public uint prog_id;
    public uint handle;
    public uint priority;
}
