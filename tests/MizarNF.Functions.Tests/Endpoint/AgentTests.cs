using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.Endpoint;

/// <summary>Packet walk 1 (egress from a pod) on node A, for every hook the agent supports.</summary>
[Collection(WorldCollection.Name)]
public sealed class AgentTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_DestinationNotLearnt_EncapsulatesToSubnetBouncer(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        var frame = Frames.PodUdp(Frames.A1, Frames.C1.Ip);

        var r = Run(agent, hook, frame);

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
        var g = GenevePacket.Parse(r.Output);
        AssertOuter(g, from: NodeRole.A, to: NodeRole.B);
        Assert.Equal(DataPlaneWorld.Vpc1, g.Geneve.Vni);
        Assert.Empty(g.Geneve.Options);
        Assert.Equal(0x1234, g.Outer.IpId); // copied from the inner header (DF set: RFC 6864)
        Assert.Equal(frame, g.InnerFrame);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_DestinationLearnt_EncapsulatesDirectToItsHost(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        agent.Map<EpKey, LearntHost>("ep_learnt").Update(new EpKey(DataPlaneWorld.Vpc1, Frames.C1.Ip), Learnt(NodeRole.C));

        var r = Run(agent, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip));

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
        AssertOuter(GenevePacket.Parse(r.Output), from: NodeRole.A, to: NodeRole.C);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_SameFlow_KeepsOneUdpSourcePortAndOtherFlowsSpread(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);

        var ports = Enumerable.Range(0, 32).Select(i => GenevePacket.Parse(Run(agent, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip, sport: (ushort)(40000 + i))).Output).Outer.UdpSourcePort).ToList();
        var again = GenevePacket.Parse(Run(agent, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip, sport: 40000)).Output).Outer.UdpSourcePort;

        Assert.Equal(ports[0], again);
        Assert.All(ports, p => Assert.InRange(p, (ushort)0xC000, (ushort)0xFFFF));
        Assert.True(ports.Distinct().Count() > 24, $"flow hash spreads 32 flows over only {ports.Distinct().Count()} ports");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ArpRequest_ForGateway_AnsweredLocallyWithGatewayMac(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);

        var r = Run(agent, hook, PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.A1.Gateway));

        Assert.Equal(PacketVerdict.Tx, r.Verdict);
        var arp = Packet.ParsePacket(LinkLayers.Ethernet, r.Output).Extract<ArpPacket>();
        Assert.Equal(ArpOperation.Response, arp.Operation);
        Assert.Equal(DataPlaneWorld.GatewayMac, arp.SenderHardwareAddress);
        Assert.Equal(Frames.A1.Gateway, arp.SenderProtocolAddress);
        Assert.Equal(Frames.A1.Mac, arp.TargetHardwareAddress);
        Assert.Equal(Frames.A1.Ip, arp.TargetProtocolAddress);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ArpRequest_ForPeer_EncapsulatedToBouncer(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        var request = PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.C1.Ip);

        var r = Run(agent, hook, request);

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
        var g = GenevePacket.Parse(r.Output);
        AssertOuter(g, from: NodeRole.A, to: NodeRole.B);
        Assert.Equal(request, g.InnerFrame);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ArpRequest_NodeIsTheOnlyBouncer_AnsweredHereWithGatewayMac(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        agent.Map<EpKey, NodeSet>("ep_subnet").Update(new EpKey(DataPlaneWorld.Vpc1, Frames.A1.Gateway), NodeSet.Of([DataPlaneWorld.NodeIp(NodeRole.A)]));

        var r = Run(agent, hook, PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.C1.Ip));

        Assert.Equal(PacketVerdict.Tx, r.Verdict);
        var arp = Packet.ParsePacket(LinkLayers.Ethernet, r.Output).Extract<ArpPacket>();
        Assert.Equal((DataPlaneWorld.GatewayMac, Frames.C1.Ip), (arp.SenderHardwareAddress, arp.SenderProtocolAddress));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_SpoofedSource_DroppedWithReason(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        var spoofed = Frames.A1 with { Ip = IPAddress.Parse("10.1.0.99") };

        var r = Run(agent, hook, Frames.PodUdp(spoofed, Frames.C1.Ip));

        Assert.Equal((PacketVerdict.Drop, "Endpoint", "SPOOFED_SOURCE"), (r.Verdict, r.Function, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_FromUnknownInterface_DroppedWithReason(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.A, AttachPoint.Agent, hook);
        agent.Map<uint, AgentEndpoint>("ep_agent").Delete(1u);

        var r = Run(agent, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip));

        Assert.Equal((PacketVerdict.Drop, "NOT_AN_ENDPOINT"), (r.Verdict, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Egress_ToLocalEndpoint_RedirectedToItsVethWithoutEncapsulation(PipelineHook hook)
    {
        using var agent = fixture.World.Build(NodeRole.C, AttachPoint.Agent, hook);
        var frame = Frames.PodUdp(Frames.C1, Frames.C2.Ip);

        var r = Run(agent, hook, frame);

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output);
        Assert.Equal(Frames.C2.Mac, eth.DestinationHardwareAddress);
        Assert.Equal(DataPlaneWorld.GatewayMac, eth.SourceHardwareAddress);
        Assert.Equal(frame[12..], r.Output[12..]);
    }

    internal static PacketResult Run(PipelineHarness agent, PipelineHook hook, byte[] frame, int ifindex = 1) =>
        agent.Run(frame, IngressContext.For(hook, ifindex, frame.Length));

    internal static LearntHost Learnt(NodeRole node) => new() { Host = Contracts.Net.Ipv4Prefix.ToNetworkOrder(DataPlaneWorld.NodeIp(node)) };

    internal static void AssertOuter(GenevePacket g, NodeRole from, NodeRole to, byte ttl = 64)
    {
        Assert.Equal(DataPlaneWorld.NodeMac(from), g.Outer.SourceMac);
        Assert.Equal(DataPlaneWorld.NodeMac(to), g.Outer.DestinationMac);
        Assert.Equal(DataPlaneWorld.NodeIp(from), g.Outer.Source);
        Assert.Equal(DataPlaneWorld.NodeIp(to), g.Outer.Destination);
        Assert.Equal(ttl, g.Outer.Ttl);
        Assert.True(g.Outer.DontFragment);
        Assert.Equal(20, g.Outer.IpHeaderLength);
        Assert.True(g.Outer.Ipv4ChecksumValid, "outer IPv4 checksum");
        Assert.Equal(6081, g.Outer.UdpDestinationPort);
        Assert.Equal(0, g.Outer.UdpChecksum);
        Assert.Equal(g.Outer.IpTotalLength - 20, g.Outer.UdpLength);
    }
}
