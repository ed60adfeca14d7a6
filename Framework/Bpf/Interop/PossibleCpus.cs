namespace MizarNF.Bpf.Interop;

/// <summary>The number of possible CPUs: how many values a per-CPU map holds per key.</summary>
internal static class PossibleCpus
{
    private static readonly Lazy<int> Cached = new(() => BpfError.Check(Libbpf.libbpf_num_possible_cpus(), "libbpf_num_possible_cpus"));

    internal static int Count => Cached.Value;
}
