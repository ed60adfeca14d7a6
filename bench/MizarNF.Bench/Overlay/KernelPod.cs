using System.Globalization;
using MizarNF.Testbed;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// A pod as a kernel-only setup makes it: a pod namespace, a veth pair made in the node's namespace
/// with its peer created directly in the pod's (so it never appears in the root namespace), an
/// address on each end and the pod's default route via the node's end.
/// </summary>
internal static class KernelPod
{
    /// <summary>The node's end of the pod's veth.</summary>
    public const string HostIfname = "pod0";

    /// <summary>Makes pod <paramref name="name"/> on <paramref name="node"/>; returns its namespace.</summary>
    /// <param name="podAddress">The pod's address with prefix length, e.g. "10.8.1.10/24".</param>
    /// <param name="gatewayAddress">The node end's address with prefix length, the pod's gateway, e.g. "10.8.1.1/24".</param>
    public static string Add(MizarNF.Testbed.Testbed bed, NodeShell sh, TestbedNode node, string name, int mtu, string podAddress, string gatewayAddress)
    {
        var ns = bed.CreatePodNamespace(name);
        sh.DisableIpv6(ns);
        var m = mtu.ToString(CultureInfo.InvariantCulture);
        sh.Run(node.Namespace, "ip", "link", "add", "name", HostIfname, "mtu", m, "type", "veth", "peer", "name", "eth0", "mtu", m, "netns", ns);
        sh.Run(node.Namespace, "ip", "address", "add", gatewayAddress, "dev", HostIfname);
        sh.Run(node.Namespace, "ip", "link", "set", "dev", HostIfname, "up");
        sh.Run(ns, "ip", "address", "add", podAddress, "dev", "eth0");
        sh.Run(ns, "ip", "link", "set", "dev", "eth0", "up");
        sh.Run(ns, "ip", "route", "add", "default", "via", gatewayAddress.Split('/')[0], "dev", "eth0");
        return ns;
    }

    /// <summary>A node that forwards between its pods and its underlay, with no IPv6 on the links it makes.</summary>
    public static void PrepareNode(NodeShell sh, TestbedNode node)
    {
        sh.DisableIpv6(node.Namespace);
        sh.Run(node.Namespace, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    }
}
