using System.Diagnostics;
using System.Net;

namespace MizarNF.Testbed;

/// <summary>
/// A multi-node testbed in network namespaces: underlay namespace &lt;prefix&gt;-ul with bridge br0,
/// node namespaces &lt;prefix&gt;-n1… whose eth0 is a port of br0, optional node daemons, and pod
/// namespaces for tests. Everything is named by the prefix and removed by <see cref="Down"/>, by a
/// failed <see cref="Up(TestbedOptions, IProgress{string}?)"/>, or by <see cref="DownByPrefix"/> from any process.
/// </summary>
public sealed class Testbed : IDisposable
{
    private readonly TestbedLayout _layout;
    private readonly DaemonSupervisor _daemons;
    private readonly IProgress<string>? _progress;
    private readonly Lock _gate = new();
    private readonly int _plannedNodes;
    private readonly List<TestbedNode> _nodes;
    private readonly List<string> _pods;
    private bool _down;

    private Testbed(TestbedLayout layout, IPNetwork cidr, int mtu, int plannedNodes, IEnumerable<TestbedNode> nodes, IEnumerable<string> pods, DaemonSupervisor daemons, IProgress<string>? progress)
    {
        _layout = layout;
        UnderlayCidr = cidr;
        Mtu = mtu;
        _plannedNodes = plannedNodes;
        _nodes = [.. nodes];
        _pods = [.. pods];
        _daemons = daemons;
        _progress = progress;
    }

    /// <summary>The prefix of every name.</summary>
    public string Prefix => _layout.Prefix;

    /// <summary>The underlay namespace, &lt;prefix&gt;-ul.</summary>
    public string UnderlayNamespace => _layout.UnderlayNamespace;

    /// <summary>The bridge in <see cref="UnderlayNamespace"/>: "br0".</summary>
    public string Bridge => TestbedLayout.Bridge;

    /// <summary>The underlay's network.</summary>
    public IPNetwork UnderlayCidr { get; }

    /// <summary>The MTU of the nodes' eth0 and of the bridge.</summary>
    public int Mtu { get; }

    /// <summary>/run/mizarnf/&lt;prefix&gt;: sockets, logs, state directories and testbed.json.</summary>
    public string RunDirectory => _layout.RunDirectory;

    /// <summary>/run/mizarnf/&lt;prefix&gt;/testbed.json.</summary>
    public string StateFile => _layout.StateFile;

    /// <summary>The nodes, n1 first, with their daemons' current pids.</summary>
    public IReadOnlyList<TestbedNode> Nodes
    {
        get
        {
            lock (_gate)
            {
                return [.. _nodes];
            }
        }
    }

    /// <summary>The namespaces made by <see cref="CreatePodNamespace"/>.</summary>
    public IReadOnlyList<string> PodNamespaces
    {
        get
        {
            lock (_gate)
            {
                return [.. _pods];
            }
        }
    }

    /// <summary>Builds a testbed; on any failure removes all it made and rethrows.</summary>
    public static Testbed Up(TestbedOptions options, IProgress<string>? progress = null) =>
        UpAsync(options, progress).GetAwaiter().GetResult();

    /// <inheritdoc cref="Up(TestbedOptions, IProgress{string}?)"/>
    public static async Task<Testbed> UpAsync(TestbedOptions options, IProgress<string>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var layout = new TestbedLayout(options.Prefix);
        ThrowIfInUse(layout);
        var clock = Stopwatch.StartNew();
        var daemons = new DaemonSupervisor(options.NodeCommand, options.DaemonReadyTimeout, progress);
        var testbed = new Testbed(layout, options.UnderlayCidr, options.Mtu, options.Nodes, [], [], daemons, progress);
        try
        {
            testbed.Build();
            if (daemons.HasCommand)
            {
                await testbed.StartDaemonsAsync(testbed.Nodes, cancel).ConfigureAwait(false);
            }

            progress?.Report($"testbed {layout.Prefix} up in {clock.Elapsed.TotalSeconds:0.0} s");
            return testbed;
        }
        catch (Exception failure)
        {
            progress?.Report($"testbed {layout.Prefix}: up failed, removing everything ({failure.GetType().Name})");
            try
            {
                testbed.Down();
            }
            catch (Exception cleanup)
            {
                throw new AggregateException($"Testbed {layout.Prefix}: up failed, and so did removing what it made.", failure, cleanup);
            }

            throw;
        }
    }

    /// <summary>
    /// The testbed described by /run/mizarnf/&lt;prefix&gt;/testbed.json, e.g. made by another process.
    /// Give <paramref name="nodeCommand"/> to use <see cref="StartDaemon"/>.
    /// </summary>
    public static Testbed Attach(string prefix, Func<TestbedNode, ProcessStartInfo>? nodeCommand = null, TimeSpan? daemonReadyTimeout = null, IProgress<string>? progress = null)
    {
        var layout = new TestbedLayout(prefix);
        var state = TestbedStateFile.TryRead(layout)
            ?? throw new InvalidOperationException($"No testbed '{prefix}': {layout.StateFile} is missing or unreadable.");
        var daemons = new DaemonSupervisor(nodeCommand, daemonReadyTimeout ?? new TestbedOptions().DaemonReadyTimeout, progress);
        var nodes = state.Nodes.Select(n => TestbedStateFile.FromState(layout, n)).OrderBy(n => n.Index);
        return new Testbed(layout, IPNetwork.Parse(state.UnderlayCidr), state.Mtu, state.Nodes.Count, nodes, state.PodNamespaces, daemons, progress);
    }

    /// <summary>Removes everything of <paramref name="prefix"/> (state file and name patterns); a no-op when nothing is left.</summary>
    public static void DownByPrefix(string prefix, IProgress<string>? progress = null) =>
        TestbedTeardown.Run(new TestbedLayout(prefix), progress);

    /// <summary>The node named <paramref name="name"/> ("n1").</summary>
    public TestbedNode Node(string name)
    {
        lock (_gate)
        {
            return _nodes.Find(n => n.Name == name) ?? throw new KeyNotFoundException($"Testbed {Prefix} has no node '{name}' (nodes: {string.Join(", ", _nodes.Select(n => n.Name))}).");
        }
    }

    /// <summary>SIGKILLs the node's daemon and waits until it is gone.</summary>
    public TestbedNode KillDaemon(TestbedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Update(_daemons.Kill(Node(node.Name)));
    }

    /// <summary>Starts the node's daemon again and waits until it is ready; a daemon that does not get ready is killed.</summary>
    public TestbedNode StartDaemon(TestbedNode node) => StartDaemonAsync(node).GetAwaiter().GetResult();

    /// <inheritdoc cref="StartDaemon"/>
    public async Task<TestbedNode> StartDaemonAsync(TestbedNode node, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        await StartDaemonsAsync([Node(node.Name)], cancel).ConfigureAwait(false);
        return Node(node.Name);
    }

    /// <summary>
    /// Runs a command in one of this testbed's namespaces (or a node's, by node name), entering the
    /// network namespace only (nsenter --net: the host's /sys/fs/bpf stays visible). Times out after 60 s.
    /// </summary>
    public (int ExitCode, string Stdout, string Stderr) Exec(string netns, params string[] command)
    {
        ArgumentException.ThrowIfNullOrEmpty(netns);
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
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

    /// <summary>Kills the daemons and removes every namespace, link, file and pin of the testbed. Idempotent.</summary>
    public void Down()
    {
        lock (_gate)
        {
            if (_down)
            {
                return;
            }

            _down = true;
        }

        Exception? killFailure = null;
        try
        {
            _daemons.KillAll();
        }
        catch (Exception e)
        {
            // Teardown kills by namespace as well; report this only if nothing else fails.
            killFailure = e;
        }

        TestbedTeardown.Run(_layout, _progress);
        if (killFailure is not null)
        {
            throw killFailure;
        }
    }

    /// <summary>Same as <see cref="Down"/>.</summary>
    public void Dispose() => Down();

    /// <inheritdoc/>
    public override string ToString() => $"testbed {Prefix} ({_nodes.Count} nodes, {UnderlayCidr})";

    private static void ThrowIfInUse(TestbedLayout layout)
    {
        var taken = Netns.List().Where(layout.IsOwnNamespaceName).Order(StringComparer.Ordinal).ToList();
        if (taken.Count > 0 || Directory.Exists(layout.RunDirectory))
        {
            var what = taken.Count > 0 ? "namespaces " + string.Join(", ", taken) : layout.RunDirectory;
            throw new InvalidOperationException($"Testbed prefix '{layout.Prefix}' is in use ({what} exist). Choose another prefix, or remove it with Testbed.DownByPrefix(\"{layout.Prefix}\").");
        }
    }

    private void Build()
    {
        var builder = new UnderlayBuilder(_layout, UnderlayCidr, Mtu);
        // The plan goes to disk before the first namespace exists.
        SaveState();
        _progress?.Report($"creating underlay {UnderlayNamespace} (bridge {Bridge}, {UnderlayCidr}, MTU {Mtu})");
        builder.CreateUnderlay();
        for (var index = 1; index <= _plannedNodes; index++)
        {
            var node = builder.CreateNode(index);
            Directory.CreateDirectory(node.StateDirectory);
            lock (_gate)
            {
                _nodes.Add(node);
                SaveState();
            }

            _progress?.Report($"node {node.Name}: {node.Namespace}, {node.UnderlayInterface} {node.Address}/{UnderlayCidr.PrefixLength} {node.Mac}");
        }

        var ports = _nodes.Select(n => n.BridgePort).ToList();
        var programId = XdpPassProgram.AttachToPorts(XdpPassProgram.Compile(_layout.XdpDirectory), UnderlayNamespace, ports);
        _progress?.Report($"attached XDP pass program {programId} (xdp.frags, native) to bridge ports {string.Join(", ", ports)}");
    }

    private async Task StartDaemonsAsync(IReadOnlyList<TestbedNode> nodes, CancellationToken cancel)
    {
        BpfFs.EnsureMounted();
        var started = new List<TestbedNode>();
        foreach (var node in nodes)
        {
            started.Add(Update(_daemons.Start(node)));
        }

        try
        {
            await DaemonReadinessGroup.WaitAllAsync(started, _daemons.WaitReadyAsync, cancel).ConfigureAwait(false);
        }
        catch
        {
            // No daemon that failed to get ready lingers (after a failed restart the rest of the testbed stays up).
            foreach (var node in started)
            {
                Update(_daemons.Kill(node));
            }

            throw;
        }
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

    private TestbedNode Update(TestbedNode node)
    {
        lock (_gate)
        {
            _nodes[_nodes.FindIndex(n => n.Name == node.Name)] = node;
            SaveState();
            return node;
        }
    }

    /// <summary>Call with <see cref="_gate"/> held.</summary>
    private void SaveState()
    {
        var nodeNamespaces = Enumerable.Range(1, _plannedNodes).Select(_layout.NodeNamespace);
        TestbedStateFile.Write(_layout, new TestbedState
        {
            Prefix = Prefix,
            UnderlayNamespace = UnderlayNamespace,
            Bridge = Bridge,
            UnderlayCidr = UnderlayCidr.ToString(),
            Mtu = Mtu,
            Namespaces = [UnderlayNamespace, .. nodeNamespaces, .. _pods],
            PodNamespaces = [.. _pods],
            Nodes = [.. _nodes.Select(TestbedStateFile.ToState)],
        });
    }
}
