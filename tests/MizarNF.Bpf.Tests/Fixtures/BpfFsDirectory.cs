namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>
/// A unique /sys/fs/bpf/mnf-test-PID-GUID directory; Dispose unpins everything in it and removes
/// it. Mounts bpffs at /sys/fs/bpf first when the machine has not (a fresh CI machine has not);
/// the mount stays, as others on the machine may pin there meanwhile.
/// </summary>
public sealed class BpfFsDirectory : IDisposable
{
    private const string Root = "/sys/fs/bpf";
    private static readonly Lazy<bool> Prepared = new(Prepare);

    public BpfFsDirectory()
    {
        _ = Prepared.Value;
        Directory.CreateDirectory(Path);
    }

    public string Path { get; } = $"{Root}/{DeadRuns.NameForThisRun(Guid.NewGuid().ToString("N"))}";

    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static bool Prepare()
    {
        if (!File.ReadLines("/proc/mounts").Any(l => l.Split(' ') is [_, Root, "bpf", ..]))
        {
            Command.Run("mount", "-t", "bpf", "bpf", Root);
        }

        foreach (var stale in Directory.EnumerateDirectories(Root).Where(d => DeadRuns.Left(System.IO.Path.GetFileName(d))))
        {
            Directory.Delete(stale, recursive: true);
        }

        return true;
    }
}
