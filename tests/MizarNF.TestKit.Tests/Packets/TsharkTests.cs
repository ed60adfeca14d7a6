using System.Net;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Tests.Fixtures;

namespace MizarNF.TestKit.Tests.Packets;

/// <summary>Our encoder against Wireshark's Geneve dissector: an independent reading of the same bytes.</summary>
public sealed class TsharkTests
{
    private static readonly string[] Checks = ["-o", "ip.check_checksum:TRUE"];

    [Fact]
    public void Fields_GeneveIcmpEchoWithHostOption_DecodedAsWeEncoded()
    {
        var inner = PacketBuilder.IcmpEcho(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 0x77, 1, "ping"u8);
        var geneve = new GeneveHeader(Net.Vni, [new HostOption(Net.PodB, Net.NodeB).ToOption()]);
        var frame = PacketBuilder.GeneveEncapsulate(Net.NodeAMac, Net.NodeBMac, Net.NodeA, Net.NodeB, 0xC123, geneve, inner);
        using var pcap = new TempFile(".pcap");
        PcapWriter.WriteFile(pcap.Path, [frame]);

        var packets = Tshark.Fields(
            pcap.Path,
            ["geneve.version", "geneve.vni", "geneve.proto_type", "geneve.flags.critical", "geneve.option.class", "geneve.option.type",
             "geneve.option.length", "ip.src", "ip.dst", "ip.flags.df", "ip.ttl", "ip.checksum.status", "udp.srcport", "udp.dstport",
             "udp.checksum", "icmp.type", "icmp.checksum.status", "_ws.malformed", "_ws.expert.severity"],
            Checks);

        var p = Assert.Single(packets);
        Assert.Equal("0", p.First("geneve.version"));
        Assert.Equal(Net.Vni, ParseNumber(p.First("geneve.vni")));
        Assert.Equal(0x6558u, ParseNumber(p.First("geneve.proto_type")));
        Assert.Equal(["0xff4d"], p["geneve.option.class"]);
        Assert.Equal(1u, ParseNumber(p.First("geneve.option.type")));
        // Wireshark reports opt_len in bytes under the same field name, then each option's length with its header.
        Assert.Equal([12u, 12u], p["geneve.option.length"].Select(ParseNumber));
        Assert.Equal([Net.NodeA.ToString(), Net.PodA.ToString()], p["ip.src"]);
        Assert.Equal([Net.NodeB.ToString(), Net.PodB.ToString()], p["ip.dst"]);
        Assert.Equal(["6081"], p["udp.dstport"]);
        Assert.Equal([((ushort)0xC123).ToString()], p["udp.srcport"]);
        Assert.Equal(0u, ParseNumber(p.First("udp.checksum")));
        Assert.Equal("8", p.First("icmp.type"));
        Assert.Equal(["1", "1"], p["ip.checksum.status"]); // 1 = good
        Assert.Equal("1", p.First("icmp.checksum.status"));
        Assert.Empty(p["_ws.malformed"]);
        Assert.Empty(p["_ws.expert.severity"]);
    }

    [Fact]
    public void Fields_ForeignAndCriticalOptions_EachOptionDecoded()
    {
        var geneve = new GeneveHeader(
            Net.Vni,
            [
                new ServiceOption(IPAddress.Parse("10.96.0.10"), 80, 6, 0, Net.PodB, 8080).ToOption(),
                new GeneveOption(0x0104, 0x85, [1, 2, 3, 4]),
            ]);
        var inner = PacketBuilder.Udp(Net.PodAMac, Net.PodBMac, Net.PodA, Net.PodB, 40000, 7777, "q"u8);
        var frame = PacketBuilder.GeneveEncapsulate(Net.NodeAMac, Net.NodeBMac, Net.NodeA, Net.NodeB, 0xC001, geneve, inner);
        using var pcap = new TempFile(".pcap");
        PcapWriter.WriteFile(pcap.Path, [frame]);

        var p = Assert.Single(Tshark.Fields(
            pcap.Path, ["geneve.flags.critical", "geneve.option.class", "geneve.option.type.critical", "geneve.option.length", "udp.dstport"]));

        Assert.Equal(["0xff4d", "0x0104"], p["geneve.option.class"]);
        Assert.Equal([32u, 24u, 8u], p["geneve.option.length"].Select(ParseNumber));
        Assert.True(IsTrue(p.First("geneve.flags.critical")));
        Assert.Equal([false, true], p["geneve.option.type.critical"].Select(IsTrue));
        Assert.Equal(["6081", "7777"], p["udp.dstport"]);
    }

    private static uint ParseNumber(string value) =>
        value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToUInt32(value[2..], 16) : uint.Parse(value);

    private static bool IsTrue(string value) => value is "1" or "True" or "true";
}
