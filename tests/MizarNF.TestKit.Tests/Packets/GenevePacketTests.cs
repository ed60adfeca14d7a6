using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Tests.Fixtures;
using PacketDotNet;

namespace MizarNF.TestKit.Tests.Packets;

public sealed class GenevePacketTests
{
    private static readonly byte[] InnerIcmp = PacketBuilder.IcmpEcho(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 7, 3);
    private static readonly GeneveHeader Header = new(Net.Vni, [new HostOption(Net.PodB, Net.NodeB).ToOption()]);

    private static byte[] Encapsulated(GeneveHeader? header = null) =>
        PacketBuilder.GeneveEncapsulate(Net.NodeAMac, Net.NodeBMac, Net.NodeA, Net.NodeB, 0xC123, header ?? Header, InnerIcmp, ttl: 63, ipId: 0x4242);

    [Fact]
    public void Parse_Encapsulated_ReturnsEveryLayer()
    {
        var frame = Encapsulated();

        var packet = GenevePacket.Parse(frame);

        Assert.Equal(
            new OuterHeaders(Net.NodeAMac, Net.NodeBMac, Net.NodeA, Net.NodeB, 63, 0x4242, true, 20, (ushort)(frame.Length - 14), true, 0xC123, 6081, (ushort)(frame.Length - 34), 0),
            packet.Outer);
        Assert.Equal(Header, packet.Geneve);
        Assert.Equal(InnerIcmp, packet.InnerFrame);
        Assert.True(HostOption.TryParse(packet.Geneve, out var host));
        Assert.Equal(Net.NodeB, host.Host);
        var icmp = packet.Inner.Extract<IcmpV4Packet>();
        Assert.Equal(Net.PodA, packet.Inner.Extract<IPv4Packet>().SourceAddress);
        Assert.Equal(IcmpV4TypeCode.EchoRequest, icmp.TypeCode);
        Assert.True(icmp.ValidIcmpChecksum);
    }

    [Fact]
    public void Parse_TtlChangedWithoutChecksum_ReportsInvalidChecksum()
    {
        var frame = Encapsulated();
        frame[14 + 8]--;

        var packet = GenevePacket.Parse(frame);

        Assert.Equal(62, packet.Outer.Ttl);
        Assert.False(packet.Outer.Ipv4ChecksumValid);
    }

    [Fact]
    public void Parse_PlainUdp_ThrowsNotGeneve()
    {
        var frame = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 40000, 53, [1, 2, 3, 4, 5, 6, 7, 8]);

        var e = Assert.Throws<GeneveFormatException>(() => GenevePacket.Parse(frame));

        Assert.Contains("port 53", e.Message);
    }

    [Fact]
    public void TryParse_Arp_False() =>
        Assert.False(GenevePacket.TryParse(PacketBuilder.ArpRequest(Net.PodAMac, Net.PodA, Net.PodB), out _));

    [Fact]
    public void Parse_MalformedOption_ThrowsFromCodec()
    {
        var frame = Encapsulated();
        frame[14 + 20 + 8] = 2; // opt_len one word short of the HOST option

        var e = Assert.Throws<GeneveFormatException>(() => GenevePacket.Parse(frame));

        Assert.Contains("past opt_len", e.Message);
    }

    [Fact]
    public void Inner_ProtocolNotEthernet_Throws()
    {
        var packet = GenevePacket.Parse(Encapsulated(Header with { ProtocolType = 0x0800 }));

        Assert.Equal(0x0800, packet.Geneve.ProtocolType);
        Assert.Throws<InvalidOperationException>(() => packet.Inner);
    }
}
