using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>
/// linux/bpf.h <c>struct bpf_map_info</c> (uapi 6.1, as Debian 12 ships it). Newer kernels append
/// fields; the kernel copies only as much as <c>info_len</c> asks for, so this prefix stays valid.
/// The anonymous <c>__u32 :32</c> before map_extra is natural alignment here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct bpf_map_info
{
    public uint type;
    public uint id;
    public uint key_size;
    public uint value_size;
    public uint max_entries;
    public uint map_flags;
    public fixed byte name[16];
    public uint ifindex;
    public uint btf_vmlinux_value_type_id;
    public ulong netns_dev;
    public ulong netns_ino;
    public uint btf_id;
    public uint btf_key_type_id;
    public uint btf_value_type_id;
    public ulong map_extra;
}
