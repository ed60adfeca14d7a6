using System.Net;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// A client pod on node n1 and a server pod on n2 of their own testbed, and the daemons between
/// them if any. Disposing tears the whole testbed down.
/// </summary>
internal sealed class PodPair(MizarNF.Testbed.Testbed bed, string clientNs, string serverNs, IPAddress serverIp, int podMtu, DaemonReport? daemons) : IDisposable
{
    public string ClientNamespace => clientNs;

    public string ServerNamespace => serverNs;

    public IPAddress ServerIp => serverIp;

    /// <summary>The MTU of the pods' eth0.</summary>
    public int PodMtu => podMtu;

    /// <summary>The node daemons' API, for MizarNF setups; null for the kernel's.</summary>
    public DaemonReport? Daemons => daemons;

    /// <summary>Detaches the testbed's XDP pass program from the underlay bridge ports (<see cref="Underlay.NoBridgeXdp"/>).</summary>
    public void DetachBridgeXdp()
    {
        var sh = new NodeShell(bed);
        foreach (var node in bed.Nodes)
        {
            sh.Run(bed.UnderlayNamespace, "ip", "link", "set", "dev", node.BridgePort, "xdp", "off");
        }
    }

    /// <summary>The server pod's non-zero kernel error and drop counters (nstat), for a failure report.</summary>
    public string ServerKernelErrors() => Traffic.KernelCounters.Errors(serverNs);

    public void Dispose()
    {
        try
        {
            daemons?.Dispose();
        }
        finally
        {
            bed.Dispose();
        }
    }
}
