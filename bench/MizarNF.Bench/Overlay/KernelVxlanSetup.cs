using System.Globalization;
using System.Net;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// (d) Kernel VXLAN as flannel's vxlan backend builds it: per node a VXLAN device over eth0 without
/// learning, each node's pod subnet routed "onlink" via the other node's VXLAN address, whose MAC is a
/// permanent neighbour and whose VTEP a static FDB entry. Routed rather than bridged because that is
/// the kernel VXLAN a Kubernetes cluster runs; ad-hoc runs of a bridged variant (vxlan and pod veth
/// in one bridge per node, "remote" peer) on the same testbed gave the same throughput within noise.
/// </summary>
internal sealed class KernelVxlanSetup : IOverlaySetup
{
    private const int PodMtu = 1450;
    private const string Device = "vxl0";

    public string Key => "vxlan";

    public string Name => "kernel VXLAN";

    public string Description =>
        $"no daemons; pod 10.7.i.10/24 on node ni behind veth {KernelPod.HostIfname} (10.7.i.1/24), pod MTU {PodMtu}; "
        + $"ni: {Device} type vxlan id 42 local <ni eth0> dstport 4789 nolearning dev eth0, address 10.7.i.0/32, MAC 02:4e:00:00:00:0i; "
        + $"neigh 10.7.j.0 lladdr <nj MAC> permanent, fdb <nj MAC> dst <nj eth0>, route 10.7.j.0/24 via 10.7.j.0 dev {Device} onlink";

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
                var subnet = $"10.7.{i + 1}";
                KernelPod.PrepareNode(sh, node);
                pods[i] = KernelPod.Add(bed, sh, node, $"p{i + 1}", PodMtu, $"{subnet}.10/24", $"{subnet}.1/24");
                sh.Run(node.Namespace, "ip", "link", "add", "name", Device, "address", VtepMac(i), "mtu", PodMtu.ToString(CultureInfo.InvariantCulture),
                    "type", "vxlan", "id", "42", "local", node.Address.ToString(), "dstport", "4789", "nolearning", "dev", node.UnderlayInterface);
                sh.Run(node.Namespace, "ip", "address", "add", $"{subnet}.0/32", "dev", Device);
                sh.Run(node.Namespace, "ip", "link", "set", "dev", Device, "up");
            }

            for (var i = 0; i < 2; i++)
            {
                var (ns, other) = (nodes[i].Namespace, 1 - i);
                var otherVtep = $"10.7.{other + 1}.0";
                sh.Run(ns, "ip", "neigh", "replace", otherVtep, "lladdr", VtepMac(other), "dev", Device, "nud", "permanent");
                sh.Run(ns, "bridge", "fdb", "append", VtepMac(other), "dev", Device, "dst", nodes[other].Address.ToString());
                sh.Run(ns, "ip", "route", "add", $"10.7.{other + 1}.0/24", "via", otherVtep, "dev", Device, "onlink");
            }

            return new PodPair(bed, pods[0], pods[1], IPAddress.Parse("10.7.2.10"), PodMtu, null);
        });
    }

    private static string VtepMac(int index) => $"02:4e:00:00:00:0{index + 1}";
}
