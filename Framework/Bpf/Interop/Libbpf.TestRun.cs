using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Interop;

/// <summary>BPF_PROG_TEST_RUN.</summary>
internal static unsafe partial class Libbpf
{
    [LibraryImport(Library)]
    internal static partial int bpf_prog_test_run_opts(int prog_fd, bpf_test_run_opts* opts);
}
