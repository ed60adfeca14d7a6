using System.Net;
using System.Net.NetworkInformation;
using MizarNF.TestKit.Geneve;
using PacketDotNet;
using PacketDotNet.Utils;

namespace MizarNF.TestKit.Packets;

/// <summary>
/// Whole Ethernet frames for packet tests, built with PacketDotNet, every length and checksum
/// computed: tests never type byte arrays by hand.
/// </summary>
public static class PacketBuilder
{
    /// <summary>The Ethernet broadcast address.</summary>
    public static PhysicalAddress Broadcast { get; } = new([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]);

    private static readonly PhysicalAddress Unknown = new(new byte[6]);

    /// <summary>Ethernet / IPv4 / UDP with a valid UDP checksum.</summary>
    public static byte[] Udp(
        PhysicalAddress srcMac,
        PhysicalAddress dstMac,
        IPAddress src,
        IPAddress dst,
        ushort sport,
        ushort dport,
        ReadOnlySpan<byte> payload,
        byte ttl = 64,
        ushort ipId = 0)
    {
        var udp = new UdpPacket(sport, dport) { PayloadData = payload.ToArray() };
        var (eth, ip) = Ipv4(srcMac, dstMac, src, dst, udp, ttl, ipId, dontFragment: false);
        udp.UpdateUdpChecksum();
        ip.UpdateIPChecksum();
        return eth.Bytes;
    }

    /// <summary>Ethernet / IPv4 / TCP (20-byte header, no options) with a valid TCP checksum.</summary>
    public static byte[] Tcp(
        PhysicalAddress srcMac,
        PhysicalAddress dstMac,
        IPAddress src,
        IPAddress dst,
        ushort sport,
        ushort dport,
        TcpFlags flags,
        ReadOnlySpan<byte> payload = default,
        uint sequence = 0,
        uint acknowledgment = 0,
        ushort window = 65535,
        byte ttl = 64,
        ushort ipId = 0)
    {
        var tcp = new TcpPacket(sport, dport)
        {
            Flags = (ushort)flags,
            SequenceNumber = sequence,
            AcknowledgmentNumber = acknowledgment,
            WindowSize = window,
            PayloadData = payload.ToArray(),
        };
        var (eth, ip) = Ipv4(srcMac, dstMac, src, dst, tcp, ttl, ipId, dontFragment: false);
        tcp.UpdateTcpChecksum();
        ip.UpdateIPChecksum();
        return eth.Bytes;
    }

    /// <summary>Ethernet / IPv4 / ICMP echo request (or reply) with a valid ICMP checksum.</summary>
    public static byte[] IcmpEcho(
        PhysicalAddress srcMac,
        PhysicalAddress dstMac,
        IPAddress src,
        IPAddress dst,
        ushort id,
        ushort sequence,
        ReadOnlySpan<byte> payload = default,
        bool reply = false,
        byte ttl = 64,
        ushort ipId = 0)
    {
        // PacketDotNet has no ICMP constructor from fields: lay out type, code, checksum, id,
        // sequence and the data, then let it fill the fields in.
        var bytes = new byte[8 + payload.Length];
        payload.CopyTo(bytes.AsSpan(8));
        var icmp = new IcmpV4Packet(new ByteArraySegment(bytes))
        {
            TypeCode = reply ? IcmpV4TypeCode.EchoReply : IcmpV4TypeCode.EchoRequest,
            Id = id,
            Sequence = sequence,
        };
        var (eth, ip) = Ipv4(srcMac, dstMac, src, dst, icmp, ttl, ipId, dontFragment: false);
        icmp.UpdateIcmpChecksum();
        ip.UpdateIPChecksum();
        return eth.Bytes;
    }

    /// <summary>A broadcast ARP request: who has <paramref name="targetIp"/>? tell <paramref name="senderIp"/>.</summary>
    public static byte[] ArpRequest(PhysicalAddress srcMac, IPAddress senderIp, IPAddress targetIp)
    {
        var arp = new ArpPacket(ArpOperation.Request, Unknown, targetIp, srcMac, senderIp);
        return new EthernetPacket(srcMac, Broadcast, EthernetType.Arp) { PayloadPacket = arp }.Bytes;
    }

    /// <summary>An ARP reply: <paramref name="senderIp"/> is at <paramref name="senderMac"/>, sent to the asker.</summary>
    public static byte[] ArpReply(PhysicalAddress senderMac, IPAddress senderIp, PhysicalAddress targetMac, IPAddress targetIp)
    {
        var arp = new ArpPacket(ArpOperation.Response, targetMac, targetIp, senderMac, senderIp);
        return new EthernetPacket(senderMac, targetMac, EthernetType.Arp) { PayloadPacket = arp }.Bytes;
    }

    /// <summary>
    /// Wraps <paramref name="innerFrame"/> as geneve.md says a node does: outer IPv4 with a 20-byte
    /// header, DF set and a valid checksum; UDP to 6081 with checksum 0; then the Geneve header.
    /// </summary>
    public static byte[] GeneveEncapsulate(
        PhysicalAddress outerSrcMac,
        PhysicalAddress outerDstMac,
        IPAddress outerSrc,
        IPAddress outerDst,
        ushort udpSourcePort,
        GeneveHeader geneve,
        byte[] innerFrame,
        byte ttl = 64,
        ushort ipId = 0)
    {
        ArgumentNullException.ThrowIfNull(geneve);
        ArgumentNullException.ThrowIfNull(innerFrame);
        var payload = new byte[geneve.Length + innerFrame.Length];
        GeneveCodec.Encode(geneve, payload);
        innerFrame.CopyTo(payload, geneve.Length);

        var udp = new UdpPacket(udpSourcePort, GeneveCodec.UdpPort) { PayloadData = payload };
        var (eth, ip) = Ipv4(outerSrcMac, outerDstMac, outerSrc, outerDst, udp, ttl, ipId, dontFragment: true);

        // Zero: no UDP checksum, allowed over IPv4 (RFC 8926 §3.4), and what the data path sends.
        udp.Checksum = 0;
        ip.UpdateIPChecksum();
        return eth.Bytes;
    }

    private static (EthernetPacket Ethernet, IPv4Packet Ip) Ipv4(
        PhysicalAddress srcMac,
        PhysicalAddress dstMac,
        IPAddress src,
        IPAddress dst,
        Packet payload,
        byte ttl,
        ushort ipId,
        bool dontFragment)
    {
        var ip = new IPv4Packet(src, dst)
        {
            TimeToLive = ttl,
            Id = ipId,
            FragmentFlags = dontFragment ? 0b010 : 0,
            PayloadPacket = payload,
        };
        var eth = new EthernetPacket(srcMac, dstMac, EthernetType.IPv4) { PayloadPacket = ip };
        eth.UpdateCalculatedValues();
        return (eth, ip);
    }
}
