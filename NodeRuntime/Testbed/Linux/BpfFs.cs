namespace MizarNF.Testbed;

/// <summary>The host's bpffs, where node daemons pin their maps.</summary>
internal static class BpfFs
{
    private const string Root = "/sys/fs/bpf";

    /// <summary>Mounts bpffs at /sys/fs/bpf when the machine has not (a fresh CI machine has not). The mount stays: others pin there too.</summary>
    public static void EnsureMounted()
    {
        if (!File.ReadLines("/proc/mounts").Any(l => l.Split(' ') is [_, Root, "bpf", ..]))
        {
            Shell.Run("mount", "-t", "bpf", "bpf", Root);
        }
    }
}
