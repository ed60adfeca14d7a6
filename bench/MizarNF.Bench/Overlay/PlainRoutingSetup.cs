using System.Net;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// (e) No overlay: each node routes the other node's pod subnet via the other node's underlay
/// address, so pod packets cross the underlay as they are. The ceiling any overlay is held to.
/// </summary>
internal sealed class PlainRoutingSetup : IOverlaySetup
{
    private const int PodMtu = 1500;

    public string Key => "routing";

    public string Name => "plain routing";

    public string Description =>
        $"no daemons; pod 10.8.i.10/24 on node ni behind veth {KernelPod.HostIfname} (10.8.i.1/24), pod MTU {PodMtu}; "
        + "ni forwards and routes 10.8.j.0/24 via nj's eth0 address; no encapsulation";

    public bool NeedsBridgeXdp => false;

    public PodPair Up(string prefix, IProgress<string> progress, CancellationToken stop)
    {
        var bed = BenchTestbed.Up(prefix, null, progress, stop);
        return BenchTestbed.Owning(bed, () =>
        {
            var sh = new NodeShell(bed);
            var nodes = bed.Nodes;
            var pods = new string[2];
            for (var i = 0; i < 2; i++)
            {
                var node = nodes[i];
                var subnet = $"10.8.{i + 1}";
                KernelPod.PrepareNode(sh, node);
                pods[i] = KernelPod.Add(bed, sh, node, $"p{i + 1}", PodMtu, $"{subnet}.10/24", $"{subnet}.1/24");
                sh.Run(node.Namespace, "ip", "route", "add", $"10.8.{2 - i}.0/24", "via", nodes[1 - i].Address.ToString(), "dev", node.UnderlayInterface);
            }

            return new PodPair(bed, pods[0], pods[1], IPAddress.Parse("10.8.2.10"), PodMtu, null);
        });
    }
}
