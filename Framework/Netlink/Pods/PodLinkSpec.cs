using System.Net;
using System.Net.NetworkInformation;

namespace MizarNF.Netlink;

/// <summary>An endpoint's veth pair as the node daemon provisions it.</summary>
/// <param name="HostName">The node end, in the host's namespace.</param>
/// <param name="PodName">The pod end under its final name (eth0), made directly in <paramref name="PodNetns"/>.</param>
/// <param name="PodNetns">The pod's namespace: an <c>ip netns</c> name or a path (/proc/PID/ns/net).</param>
/// <param name="Mtu">Both ends' MTU.</param>
/// <param name="PodMac">The pod end's MAC.</param>
/// <param name="PodIp">The pod's IPv4 address.</param>
/// <param name="PrefixLength">Its subnet's prefix.</param>
/// <param name="Gateway">The pod's default gateway, inside that subnet.</param>
public sealed record PodLinkSpec(string HostName, string PodName, string PodNetns, int Mtu, PhysicalAddress PodMac, IPAddress PodIp, int PrefixLength, IPAddress Gateway)
{
    /// <summary>Turn tx checksumming, TSO and GSO off on the pod end: XDP on the path sees frames the kernel has not finished.</summary>
    public bool OffloadsOff { get; init; }
}
