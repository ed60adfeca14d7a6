using System.Net;

namespace MizarNF.Netlink;

/// <summary>An IPv4 route of the main table (RTM_NEWROUTE reply).</summary>
/// <param name="Destination">RTA_DST and rtm_dst_len; 0.0.0.0/0 for the default route.</param>
/// <param name="Gateway">RTA_GATEWAY; null for an on-link route.</param>
/// <param name="Index">RTA_OIF: the ifindex of the link it leaves by; 0 when none.</param>
/// <param name="Scope">RT_SCOPE_*: 0 universe (via a gateway), 253 link.</param>
/// <param name="Protocol">RTPROT_*: 2 kernel (made for an address), 3 boot (added by a tool), 4 static.</param>
/// <param name="PreferredSource">RTA_PREFSRC, when set.</param>
public sealed record RouteInfo(IPNetwork Destination, IPAddress? Gateway, int Index, byte Scope, byte Protocol, IPAddress? PreferredSource);
