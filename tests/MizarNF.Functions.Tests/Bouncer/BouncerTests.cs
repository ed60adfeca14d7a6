using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.Bouncer;

/// <summary>Packet walks 2 and 3 on node B, the bouncer of 10.1.0.0/24.</summary>
[Collection(WorldCollection.Name)]
public sealed class BouncerTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_KnownEndpoint_ForwardsToItsHostKeepingOuterSource(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var inner = Frames.PodUdp(Frames.A1, Frames.C1.Ip);

        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, inner));

        Assert.Equal((PacketVerdict.Tx, "Bouncer"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), g.Outer.Source);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), g.Outer.Destination);
        Assert.Equal(DataPlaneWorld.NodeMac(NodeRole.B), g.Outer.SourceMac);
        Assert.Equal(DataPlaneWorld.NodeMac(NodeRole.C), g.Outer.DestinationMac);
        Assert.Equal(63, g.Outer.Ttl);
        Assert.True(g.Outer.Ipv4ChecksumValid);
        Assert.Equal(DataPlaneWorld.Vpc1, g.Geneve.Vni);
        Assert.Equal(inner, g.InnerFrame);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_ArpRequest_AnsweredWithEndpointMacAndHostOption(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var request = PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.C1.Ip);

        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, request));

        Assert.Equal((PacketVerdict.Tx, "Bouncer"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        AgentTests.AssertOuter(g, from: NodeRole.B, to: NodeRole.A);
        Assert.True(HostOption.TryParse(g.Geneve, out var host));
        Assert.Equal(Frames.C1.Ip, host.Endpoint);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), host.Host);
        var arp = g.Inner.Extract<ArpPacket>();
        Assert.Equal(ArpOperation.Response, arp.Operation);
        Assert.Equal(Frames.C1.Mac, arp.SenderHardwareAddress);
        Assert.Equal(Frames.C1.Ip, arp.SenderProtocolAddress);
        Assert.Equal(Frames.A1.Mac, arp.TargetHardwareAddress);
        Assert.Equal(Frames.A1.Ip, arp.TargetProtocolAddress);
        Assert.Equal(Frames.A1.Mac, g.Inner.DestinationHardwareAddress);
    }

    [Fact]
    public void Transit_ArpReply_DecodedByTsharkAsGeneveWithOurOption()
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);
        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.C1.Ip)));
        var pcap = Path.Combine(Path.GetTempPath(), $"mnf-arp-{Guid.NewGuid():N}.pcap");
        try
        {
            PcapWriter.WriteFile(pcap, [r.Output]);

            var p = Tshark.Fields(pcap, ["ip.src", "ip.dst", "ip.checksum.status", "udp.dstport", "geneve.vni", "geneve.option.class", "geneve.option.type", "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4", "arp.dst.proto_ipv4"]).Single();

            Assert.Equal("192.168.10.2", p.First("ip.src"));
            Assert.Equal("192.168.10.1", p.First("ip.dst"));
            Assert.Equal("6081", p.First("udp.dstport"));
            Assert.Equal(100, Convert.ToInt32(p.First("geneve.vni"), 16));
            Assert.Equal("0xff4d", p.First("geneve.option.class"), ignoreCase: true);
            Assert.Equal(1, Convert.ToInt32(p.First("geneve.option.type"), 16));
            Assert.Equal("2", p.First("arp.opcode"));
            Assert.Equal("02:cc:00:00:00:20", p.First("arp.src.hw_mac"));
            Assert.Equal("10.1.0.20", p.First("arp.src.proto_ipv4"));
            Assert.Equal("10.1.0.10", p.First("arp.dst.proto_ipv4"));
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_UnknownAddressInBouncedSubnet_DroppedHereNotSentOn(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);

        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, IPAddress.Parse("10.1.0.99"))));

        Assert.Equal((PacketVerdict.Drop, "Bouncer", "UNKNOWN_ENDPOINT"), (r.Verdict, r.Function, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_OtherSubnet_HandedToTheVpcDivider(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);

        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C2.Ip)));

        Assert.Equal((PacketVerdict.Tx, "Endpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.D), g.Outer.Destination);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), g.Outer.Source);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_SameAddressInTwoVpcs_EachVniFindsItsOwnEndpoint(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var inner = Frames.PodUdp(Frames.A1, Frames.C1.Ip); // 10.1.0.20 is c1 in VPC 100 and a2 in VPC 200

        var vpc1 = GenevePacket.Parse(b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, inner)).Output);
        var vpc2 = GenevePacket.Parse(b.Run(Frames.Geneve(NodeRole.C, NodeRole.B, DataPlaneWorld.Vpc2, inner)).Output);

        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), vpc1.Outer.Destination);
        Assert.Equal(DataPlaneWorld.Vpc1, vpc1.Geneve.Vni);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), vpc2.Outer.Destination);
        Assert.Equal(DataPlaneWorld.Vpc2, vpc2.Geneve.Vni);
    }
}
