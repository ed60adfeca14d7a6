namespace MizarNF.Testbed;

/// <summary>Commands in the testbed's namespaces, and pod namespaces for tests.</summary>
public sealed partial class Testbed
{
    /// <summary>
    /// Runs a command in one of this testbed's namespaces (or a node's, by node name), entering the
    /// network namespace only (nsenter --net: the host's /sys/fs/bpf stays visible). Times out after 60 s.
    /// </summary>
    public (int ExitCode, string Stdout, string Stderr) Exec(string netns, params string[] command)
    {
        ArgumentException.ThrowIfNullOrEmpty(netns);
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        ThrowIfDown();
        var resolved = ResolveNamespace(netns);
        var result = Shell.TryRun(Shell.DefaultTimeout, [.. Netns.Enter(resolved), .. command]);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    /// <summary>Makes namespace &lt;prefix&gt;-<paramref name="name"/> (lo up), removed with the testbed.</summary>
    public string CreatePodNamespace(string name)
    {
        if (TestbedLayout.PodNameError(name) is { } error)
        {
            throw new ArgumentException(error, nameof(name));
        }

        var ns = _layout.PodNamespace(name);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_down, this);
            if (_pods.Contains(ns) || Netns.Exists(ns))
            {
                throw new InvalidOperationException($"Namespace {ns} exists already.");
            }

            // Listed before it exists, so that a crash in between still leaves it findable.
            _pods.Add(ns);
            SaveState();
        }

        Netns.Add(ns);
        Netns.Ip(ns, "link", "set", "dev", "lo", "up");
        _progress?.Report($"created pod namespace {ns}");
        return ns;
    }

    private string ResolveNamespace(string netns)
    {
        lock (_gate)
        {
            var node = _nodes.Find(n => n.Name == netns);
            var all = _nodes.Select(n => n.Namespace).Append(UnderlayNamespace).Concat(_pods);
            return node?.Namespace ?? (all.Contains(netns)
                ? netns
                : throw new ArgumentException($"'{netns}' is neither a namespace nor a node of testbed {Prefix}.", nameof(netns)));
        }
    }
}
