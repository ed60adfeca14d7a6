using System.Net;

namespace MizarNF.Netlink;

/// <summary>An IPv4 address of a link (RTM_NEWADDR reply).</summary>
/// <param name="Index">The link's ifindex.</param>
/// <param name="Address">IFA_LOCAL (the address itself).</param>
/// <param name="PrefixLength">The prefix of the subnet it makes on-link.</param>
/// <param name="Scope">RT_SCOPE_*: 0 universe, 253 link, 254 host.</param>
/// <param name="Label">IFA_LABEL, usually the link's name.</param>
public sealed record AddressInfo(int Index, IPAddress Address, int PrefixLength, byte Scope, string? Label);
