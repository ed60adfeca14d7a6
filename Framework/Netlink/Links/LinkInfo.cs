using System.Net.NetworkInformation;

namespace MizarNF.Netlink;

/// <summary>A link as the kernel reports it (RTM_NEWLINK reply).</summary>
/// <param name="Index">ifindex, in the link's namespace.</param>
/// <param name="Name">IFLA_IFNAME.</param>
/// <param name="Mac">IFLA_ADDRESS; null for links without one.</param>
/// <param name="Mtu">IFLA_MTU.</param>
/// <param name="IsUp">IFF_UP: administratively up.</param>
/// <param name="OperState">IFLA_OPERSTATE.</param>
/// <param name="Kind">IFLA_INFO_KIND ("veth", …); null for physical and loopback links.</param>
/// <param name="PeerIndex">IFLA_LINK: for a veth, its peer's ifindex (in the peer's namespace); else null.</param>
public sealed record LinkInfo(int Index, string Name, PhysicalAddress? Mac, int Mtu, bool IsUp, LinkOperState OperState, string? Kind, int? PeerIndex);
