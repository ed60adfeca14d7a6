using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Tests.Fixtures;
using PacketDotNet;

namespace MizarNF.TestKit.Tests.Packets;

public sealed class PacketBuilderTests
{
    private static readonly byte[] Payload = "hello, mizar"u8.ToArray();

    [Fact]
    public void Udp_Built_ChecksumsAndFieldsValid()
    {
        var frame = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 40000, 53, Payload, ttl: 33, ipId: 7);

        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var ip = eth.Extract<IPv4Packet>();
        var udp = eth.Extract<UdpPacket>();
        Assert.Equal(Net.PodBMac, eth.DestinationHardwareAddress);
        Assert.Equal(Net.PodA, ip.SourceAddress);
        Assert.Equal(Net.PodB, ip.DestinationAddress);
        Assert.Equal(33, ip.TimeToLive);
        Assert.Equal(7, ip.Id);
        Assert.Equal(frame.Length - 14, ip.TotalLength);
        Assert.True(ip.ValidIPChecksum);
        Assert.True(Checksums.Ipv4ChecksumValid(frame.AsSpan(14)));
        Assert.Equal((ushort)40000, udp.SourcePort);
        Assert.Equal((ushort)53, udp.DestinationPort);
        Assert.NotEqual(0, udp.Checksum);
        Assert.True(udp.ValidUdpChecksum);
        Assert.Equal(Payload, udp.PayloadData);
    }

    [Fact]
    public void Tcp_Syn_ChecksumValidAndFlagsSet()
    {
        var frame = PacketBuilder.Tcp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 40000, 80, TcpFlags.Syn, sequence: 1000);

        var eth = Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var tcp = eth.Extract<TcpPacket>();
        Assert.True(eth.Extract<IPv4Packet>().ValidIPChecksum);
        Assert.True(tcp.ValidTcpChecksum);
        Assert.True(tcp.Synchronize);
        Assert.False(tcp.Acknowledgment);
        Assert.Equal(1000u, tcp.SequenceNumber);
        Assert.Equal(5, tcp.DataOffset);
    }

    [Fact]
    public void Tcp_AckWithPayload_ChecksumValid()
    {
        var frame = PacketBuilder.Tcp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 40000, 80, TcpFlags.Ack | TcpFlags.Psh, Payload, 1001, 5001);

        var tcp = Packet.ParsePacket(LinkLayers.Ethernet, frame).Extract<TcpPacket>();
        Assert.True(tcp.ValidTcpChecksum);
        Assert.Equal((ushort)(TcpFlags.Ack | TcpFlags.Psh), tcp.Flags);
        Assert.Equal(5001u, tcp.AcknowledgmentNumber);
        Assert.Equal(Payload, tcp.PayloadData);
    }

    [Theory]
    [InlineData(false, IcmpV4TypeCode.EchoRequest)]
    [InlineData(true, IcmpV4TypeCode.EchoReply)]
    public void IcmpEcho_Built_ChecksumValid(bool reply, IcmpV4TypeCode expected)
    {
        var frame = PacketBuilder.IcmpEcho(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 0x1234, 9, Payload, reply);

        var eth = Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var icmp = eth.Extract<IcmpV4Packet>();
        Assert.True(eth.Extract<IPv4Packet>().ValidIPChecksum);
        Assert.True(icmp.ValidIcmpChecksum);
        Assert.Equal(0, Checksums.InternetChecksum(frame.AsSpan(14 + 20)));
        Assert.Equal(expected, icmp.TypeCode);
        Assert.Equal(0x1234, icmp.Id);
        Assert.Equal(9, icmp.Sequence);
        Assert.Equal(Payload, icmp.Data);
    }

    [Fact]
    public void ArpRequest_Built_BroadcastWhoHas()
    {
        var frame = PacketBuilder.ArpRequest(Net.PodAMac, Net.PodA, Net.PodB);

        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var arp = eth.Extract<ArpPacket>();
        Assert.Equal(PacketBuilder.Broadcast, eth.DestinationHardwareAddress);
        Assert.Equal(EthernetType.Arp, eth.Type);
        Assert.Equal(ArpOperation.Request, arp.Operation);
        Assert.Equal(Net.PodAMac, arp.SenderHardwareAddress);
        Assert.Equal(Net.PodA, arp.SenderProtocolAddress);
        Assert.Equal(Net.PodB, arp.TargetProtocolAddress);
    }

    [Fact]
    public void ArpReply_Built_UnicastIsAt()
    {
        var frame = PacketBuilder.ArpReply(Net.PodBMac, Net.PodB, Net.PodAMac, Net.PodA);

        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var arp = eth.Extract<ArpPacket>();
        Assert.Equal(Net.PodAMac, eth.DestinationHardwareAddress);
        Assert.Equal(ArpOperation.Response, arp.Operation);
        Assert.Equal(Net.PodBMac, arp.SenderHardwareAddress);
        Assert.Equal(Net.PodB, arp.SenderProtocolAddress);
        Assert.Equal(Net.PodAMac, arp.TargetHardwareAddress);
        Assert.Equal(Net.PodA, arp.TargetProtocolAddress);
    }

    [Fact]
    public void GeneveEncapsulate_Icmp_OuterHeadersAsGeneveMdSays()
    {
        var inner = PacketBuilder.IcmpEcho(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 1, 1);
        var geneve = new GeneveHeader(Net.Vni, [new HostOption(Net.PodB, Net.NodeB).ToOption()]);

        var frame = PacketBuilder.GeneveEncapsulate(Net.NodeAMac, Net.NodeBMac, Net.NodeA, Net.NodeB, 0xC123, geneve, inner, ipId: 42);

        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, frame);
        var ip = eth.Extract<IPv4Packet>();
        var udp = eth.Extract<UdpPacket>();
        Assert.Equal(14 + 20 + 8 + geneve.Length + inner.Length, frame.Length);
        Assert.Equal(5, ip.HeaderLength);
        Assert.Equal(64, ip.TimeToLive);
        Assert.Equal(42, ip.Id);
        Assert.Equal(0b010, ip.FragmentFlags);
        Assert.Equal(frame.Length - 14, ip.TotalLength);
        Assert.True(ip.ValidIPChecksum);
        Assert.True(Checksums.Ipv4ChecksumValid(frame.AsSpan(14)));
        Assert.Equal((ushort)0xC123, udp.SourcePort);
        Assert.Equal((ushort)6081, udp.DestinationPort);
        Assert.Equal(frame.Length - 14 - 20, udp.Length);
        Assert.Equal(0, udp.Checksum);
        Assert.Equal(inner, frame[^inner.Length..]);
    }
}
