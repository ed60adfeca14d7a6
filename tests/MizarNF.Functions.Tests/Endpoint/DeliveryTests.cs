using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.Endpoint;

/// <summary>Packet walk 4 (at the destination node) and walk 7 (isolation) on node C.</summary>
[Collection(WorldCollection.Name)]
public sealed class DeliveryTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_ForLocalEndpoint_DecapsulatesAndRedirectsToItsVeth(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);
        var inner = Frames.PodUdp(Frames.A1, Frames.C1.Ip);

        var r = c.Run(Frames.Geneve(NodeRole.B, NodeRole.C, DataPlaneWorld.Vpc1, inner, outerSource: DataPlaneWorld.NodeIp(NodeRole.A)));

        Assert.Equal((PacketVerdict.Redirect, "Endpoint"), (r.Verdict, r.Function));
        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output);
        Assert.Equal(Frames.C1.Mac, eth.DestinationHardwareAddress);
        Assert.Equal(DataPlaneWorld.GatewayMac, eth.SourceHardwareAddress);
        Assert.Equal(inner[12..], r.Output[12..]);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_Delivery_LearnsSenderHostFromOuterSource(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);

        c.Run(Frames.Geneve(NodeRole.B, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip), outerSource: DataPlaneWorld.NodeIp(NodeRole.A)));

        Assert.True(c.Map<EpKey, LearntHost>("ep_learnt").TryLookup(new EpKey(DataPlaneWorld.Vpc1, Frames.A1.Ip), out var learnt));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), Ipv4Prefix.FromNetworkOrder(learnt.Host));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_ArpReplyWithHostOption_LearnsTargetHostAndDeliversReply(PipelineHook hook)
    {
        using var a = fixture.World.Build(NodeRole.A, AttachPoint.Transit, hook);
        var reply = PacketBuilder.ArpReply(Frames.C1.Mac, Frames.C1.Ip, Frames.A1.Mac, Frames.A1.Ip);
        var option = new HostOption(Frames.C1.Ip, DataPlaneWorld.NodeIp(NodeRole.C)).ToOption();

        var r = a.Run(Frames.Geneve(NodeRole.B, NodeRole.A, DataPlaneWorld.Vpc1, reply, [option]));

        Assert.Equal(PacketVerdict.Redirect, r.Verdict);
        Assert.Equal(ArpOperation.Response, Packet.ParsePacket(LinkLayers.Ethernet, r.Output).Extract<ArpPacket>().Operation);
        Assert.True(a.Map<EpKey, LearntHost>("ep_learnt").TryLookup(new EpKey(DataPlaneWorld.Vpc1, Frames.C1.Ip), out var learnt));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), Ipv4Prefix.FromNetworkOrder(learnt.Host));
        // The bouncer that sent the reply is not where c1 lives: nothing may learn it as c1's host.
        Assert.NotEqual(DataPlaneWorld.NodeIp(NodeRole.B), Ipv4Prefix.FromNetworkOrder(learnt.Host));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_WarmFlow_WritesNoMap(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);
        var packet = Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip));
        var learnt = c.Map<EpKey, LearntHost>("ep_learnt");
        var key = new EpKey(DataPlaneWorld.Vpc1, Frames.A1.Ip);
        c.Run(packet); // the first packet of the flow learns
        // Mark the entry where the data path never writes by itself: any rewrite would clear it.
        learnt.Update(key, learnt.TryLookup(key, out var v) ? v with { } : throw new InvalidOperationException("not learnt"));
        var marked = v;
        marked.Pad = 0xFEEDF00D;
        learnt.Update(key, marked);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(PacketVerdict.Redirect, c.Run(packet).Verdict);
        }

        Assert.True(learnt.TryLookup(key, out var after));
        Assert.Equal(0xFEEDF00Du, after.Pad);
        Assert.Single(learnt.Entries());
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_VniMismatch_NeverDeliveredToTheOtherVpcsEndpoint(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);

        // c1 (10.1.0.20) is in VPC 100; the same address in VPC 200 lives on A, not here.
        var r = c.Run(Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc2, Frames.PodUdp(Frames.A1, Frames.C1.Ip)));

        Assert.Equal((PacketVerdict.Drop, "Endpoint", "NO_SUCH_ENDPOINT"), (r.Verdict, r.Function, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_FromUnknownNode_Dropped(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);
        var stranger = IPAddress.Parse("192.168.10.99");

        var r = c.Run(Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip), outerSource: stranger));

        Assert.Equal((PacketVerdict.Drop, "UNKNOWN_NODE"), (r.Verdict, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_EndpointGone_SentOnToDividerNotBlackHoled(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);
        c.Map<EpKey, LocalEndpoint>("ep_local").Delete(new EpKey(DataPlaneWorld.Vpc1, Frames.C1.Ip));

        var r = c.Run(Frames.Geneve(NodeRole.A, NodeRole.C, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip)));

        Assert.Equal(PacketVerdict.Tx, r.Verdict);
        var g = GenevePacket.Parse(r.Output);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.D), g.Outer.Destination);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), g.Outer.Source);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_NotGeneve_PassedToTheNodeStack(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);

        var r = c.Run(PacketBuilder.Tcp(DataPlaneWorld.NodeMac(NodeRole.A), DataPlaneWorld.NodeMac(NodeRole.C), DataPlaneWorld.NodeIp(NodeRole.A), DataPlaneWorld.NodeIp(NodeRole.C), 50000, 22, TcpFlags.Syn));

        Assert.Equal(PacketVerdict.Pass, r.Verdict);
    }
}
