using System.Net;

namespace MizarNF.Testbed;

/// <summary>
/// A multi-node testbed in network namespaces: underlay namespace &lt;prefix&gt;-ul with bridge br0,
/// node namespaces &lt;prefix&gt;-n1… whose eth0 is a port of br0, optional node daemons, and pod
/// namespaces for tests. Everything is named by the prefix and removed by <see cref="Down"/>, by a
/// failed <see cref="Up(TestbedOptions, IProgress{string}?)"/>, or by <see cref="DownByPrefix"/> from any process.
/// </summary>
public sealed partial class Testbed : IDisposable
{
    private readonly TestbedLayout _layout;
    private readonly DaemonSupervisor _daemons;
    private readonly IProgress<string>? _progress;
    private readonly Lock _gate = new();
    private readonly int _plannedNodes;
    private readonly int _ownerPid;
    private readonly List<TestbedNode> _nodes;
    private readonly List<string> _pods;
    private bool _down;
    private bool _xdpOnBridgePorts;

    private Testbed(TestbedLayout layout, IPNetwork cidr, int mtu, int plannedNodes, IEnumerable<TestbedNode> nodes, IEnumerable<string> pods, DaemonSupervisor daemons, IProgress<string>? progress, int? ownerPid = null)
    {
        _layout = layout;
        _ownerPid = ownerPid ?? Environment.ProcessId;
        UnderlayCidr = cidr;
        Mtu = mtu;
        _plannedNodes = plannedNodes;
        _nodes = [.. nodes];
        _pods = [.. pods];
        _daemons = daemons;
        _progress = progress;
    }

    /// <summary>The process that ran Up: gone once a CLI's `up` returned, alive as long as a test run that owns the testbed.</summary>
    public int OwnerPid => _ownerPid;

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

    /// <summary>The node named <paramref name="name"/> ("n1").</summary>
    public TestbedNode Node(string name)
    {
        lock (_gate)
        {
            return _nodes.Find(n => n.Name == name) ?? throw new KeyNotFoundException($"Testbed {Prefix} has no node '{name}' (nodes: {string.Join(", ", _nodes.Select(n => n.Name))}).");
        }
    }

    private void ThrowIfDown()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_down, this);
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
        if (_down)
        {
            // Writing would make /run/mizarnf/<prefix> again after teardown removed it.
            return;
        }

        var nodeNamespaces = Enumerable.Range(1, _plannedNodes).Select(_layout.NodeNamespace);
        TestbedStateFile.Write(_layout, new TestbedState
        {
            Prefix = Prefix,
            OwnerPid = _ownerPid,
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
