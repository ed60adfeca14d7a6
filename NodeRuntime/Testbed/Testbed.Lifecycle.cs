using System.Diagnostics;
using System.Net;

namespace MizarNF.Testbed;

/// <summary>Building, attaching to and removing testbeds.</summary>
public sealed partial class Testbed
{
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
        var testbed = new Testbed(layout, options.UnderlayCidr, options.Mtu, options.Nodes, [], [], daemons, progress) { _xdpOnBridgePorts = options.XdpOnBridgePorts };
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
        return new Testbed(layout, IPNetwork.Parse(state.UnderlayCidr), state.Mtu, state.Nodes.Count, nodes, state.PodNamespaces, daemons, progress, state.OwnerPid);
    }

    /// <summary>Removes everything of <paramref name="prefix"/> (state file and name patterns); a no-op when nothing is left.</summary>
    public static void DownByPrefix(string prefix, IProgress<string>? progress = null) =>
        TestbedTeardown.Run(new TestbedLayout(prefix), progress);

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

        if (_xdpOnBridgePorts)
        {
            var ports = _nodes.Select(n => n.BridgePort).ToList();
            var programId = XdpPassProgram.AttachToPorts(XdpPassProgram.Compile(_layout.XdpDirectory), UnderlayNamespace, ports);
            _progress?.Report($"attached XDP pass program {programId} (xdp.frags, native) to bridge ports {string.Join(", ", ports)}");
        }
    }
}
