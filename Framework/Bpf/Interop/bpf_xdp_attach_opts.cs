using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>libbpf.h <c>struct bpf_xdp_attach_opts</c> (libbpf 1.1.2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct bpf_xdp_attach_opts
{
    public nuint sz;
    public int old_prog_fd;
}
