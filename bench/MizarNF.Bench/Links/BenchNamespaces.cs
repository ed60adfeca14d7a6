using System.Diagnostics;

namespace MizarNF.Bench.Links;

/// <summary>
/// The benchmark's own namespaces, mnfbench-PID-host and mnfbench-PID-pN: no link is made in the
/// machine's namespace. Dispose deletes them all, and with them whatever links a failure left;
/// those of a run killed before its Dispose (its process gone) go when the next run starts.
/// </summary>
internal sealed class BenchNamespaces : IDisposable
{
    private readonly List<string> _made = [];

    private const string Prefix = "mnfbench-";

    public BenchNamespaces(int pods)
    {
        SweepDeadRuns();
        var prefix = $"{Prefix}{Environment.ProcessId}";
        try
        {
            Host = Add($"{prefix}-host");
            Pods = Enumerable.Range(0, pods).Select(i => Add($"{prefix}-p{i}")).ToArray();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Host { get; } = string.Empty;

    public string[] Pods { get; } = [];

    public void Dispose()
    {
        foreach (var name in _made)
        {
            Ip("netns", "delete", name);
        }

        _made.Clear();
    }

    private static void SweepDeadRuns()
    {
        foreach (var name in Directory.Exists("/var/run/netns") ? Directory.GetFiles("/var/run/netns").Select(Path.GetFileName) : [])
        {
            if (name!.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(name[Prefix.Length..].Split('-')[0], out var pid)
                && pid != Environment.ProcessId
                && !Directory.Exists($"/proc/{pid}"))
            {
                Ip("netns", "delete", name);
            }
        }
    }

    private static void Ip(params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo("ip", args) { RedirectStandardError = true }) ?? throw new InvalidOperationException("cannot start ip");
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)} failed: {error}");
        }
    }

    private string Add(string name)
    {
        Ip("netns", "add", name);
        _made.Add(name);
        return name;
    }
}
