using System.Net;
using System.Net.NetworkInformation;

namespace MizarNF.TestKit.Packets;

/// <summary>The outer Ethernet, IPv4 and UDP fields of a Geneve packet, as they are on the wire.</summary>
/// <param name="SourceMac">Outer Ethernet source.</param>
/// <param name="DestinationMac">Outer Ethernet destination.</param>
/// <param name="Source">Outer IPv4 source (the sending node).</param>
/// <param name="Destination">Outer IPv4 destination (the next node).</param>
/// <param name="Ttl">Outer TTL.</param>
/// <param name="IpId">Outer IPv4 identification.</param>
/// <param name="DontFragment">Whether DF is set.</param>
/// <param name="IpHeaderLength">Bytes of the outer IPv4 header (20 unless it has options).</param>
/// <param name="IpTotalLength">The outer IPv4 total length field.</param>
/// <param name="Ipv4ChecksumValid">Whether the outer IPv4 header checksum is valid.</param>
/// <param name="UdpSourcePort">UDP source port (the flow's entropy).</param>
/// <param name="UdpDestinationPort">UDP destination port (6081).</param>
/// <param name="UdpLength">The UDP length field.</param>
/// <param name="UdpChecksum">The UDP checksum field (0: none).</param>
public sealed record OuterHeaders(
    PhysicalAddress SourceMac,
    PhysicalAddress DestinationMac,
    IPAddress Source,
    IPAddress Destination,
    byte Ttl,
    ushort IpId,
    bool DontFragment,
    int IpHeaderLength,
    ushort IpTotalLength,
    bool Ipv4ChecksumValid,
    ushort UdpSourcePort,
    ushort UdpDestinationPort,
    ushort UdpLength,
    ushort UdpChecksum);
