using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>bpf.h <c>struct bpf_test_run_opts</c> (libbpf 1.1.2).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct bpf_test_run_opts
{
    public nuint sz;
    public void* data_in;
    public void* data_out;
    public uint data_size_in;
    public uint data_size_out;
    public void* ctx_in;
    public void* ctx_out;
    public uint ctx_size_in;
    public uint ctx_size_out;
    public uint retval;
    public int repeat;
    public uint duration;
    public uint flags;
    public uint cpu;
    public uint batch_size;
}
