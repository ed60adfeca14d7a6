using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>tc (clsact qdisc and cls_bpf filter) attachment over netlink.</summary>
internal static unsafe partial class Libbpf
{
    internal const int BPF_TC_INGRESS = 1;
    internal const int BPF_TC_EGRESS = 2;
    internal const uint BPF_TC_F_REPLACE = 1;

    [LibraryImport(Library)]
    internal static partial int bpf_tc_hook_create(bpf_tc_hook* hook);

    [LibraryImport(Library)]
    internal static partial int bpf_tc_hook_destroy(bpf_tc_hook* hook);

    [LibraryImport(Library)]
    internal static partial int bpf_tc_attach(bpf_tc_hook* hook, bpf_tc_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_tc_detach(bpf_tc_hook* hook, bpf_tc_opts* opts);

    [LibraryImport(Library)]
    internal static partial int bpf_tc_query(bpf_tc_hook* hook, bpf_tc_opts* opts);
}
