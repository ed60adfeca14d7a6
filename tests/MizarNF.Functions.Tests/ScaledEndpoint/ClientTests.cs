using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>
/// Packet walk 6 on the client's node A: the owner's decision is cached, the packet DNAT'd and sent
/// straight to the backend's node; replies are rewritten back; later packets go direct from the agent.
/// </summary>
[Collection(WorldCollection.Name)]
public sealed class ClientTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Decision_CachedDnatAndSentStraightToTheBackendsNodeMarked(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);

        var (r, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));

        Assert.Equal((PacketVerdict.Tx, "ScaledEndpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        AgentTests.AssertOuter(g, from: NodeRole.A, to: NodeRole.C);
        var o = Svc.Option(g);
        Assert.Equal((ServiceOption.Marked, backend, Svc.BackendPort), (o.Flags, o.BackendIp, o.BackendPort));
        var ip = g.Inner.Extract<IPv4Packet>();
        var tcp = g.Inner.Extract<TcpPacket>();
        Assert.Equal((Frames.A1.Ip, backend), (ip.SourceAddress, ip.DestinationAddress));
        Assert.Equal(((ushort)40000, Svc.BackendPort), (tcp.SourcePort, tcp.DestinationPort));
        Svc.AssertChecksums(g.Inner);
        Assert.True(w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40000), out var fwd));
        Assert.Equal((backend, DataPlaneWorld.NodeIp(NodeRole.C), Svc.BackendPort), (fwd.Address, fwd.HostAddress, fwd.HostPort));
        Assert.True(w.A.Transit.Map<FlowKey, ReverseEntry>("svc_rev").TryLookup(Svc.ReverseKey(backend, 40000), out var rev));
        Assert.Equal((Svc.Vip, Svc.Web), (rev.Address, rev.HostPort));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void BackendReply_RewrittenBackToTheVipAndDelivered(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (_, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));
        var reply = PacketBuilder.Tcp(Frames.C1.Mac, DataPlaneWorld.GatewayMac, backend, Frames.A1.Ip, Svc.BackendPort, 40000, TcpFlags.Syn | TcpFlags.Ack, "hello"u8, sequence: 5000, acknowledgment: 1001);

        var r = w.A.Transit.Run(Frames.Geneve(NodeRole.C, NodeRole.A, DataPlaneWorld.Vpc1, reply));

        Assert.Equal((PacketVerdict.Redirect, "Endpoint"), (r.Verdict, r.Function));
        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output);
        var ip = eth.Extract<IPv4Packet>();
        var tcp = eth.Extract<TcpPacket>();
        Assert.Equal((Svc.Vip, Frames.A1.Ip), (ip.SourceAddress, ip.DestinationAddress));
        Assert.Equal((Svc.Web, (ushort)40000), (tcp.SourcePort, tcp.DestinationPort));
        Assert.Equal("hello"u8.ToArray(), tcp.PayloadData);
        Svc.AssertChecksums(eth);
        // Delivery learnt the backend's real address (not the VIP) on its node.
        Assert.True(w.A.Transit.Map<EpKey, LearntHost>("ep_learnt").TryLookup(new EpKey(DataPlaneWorld.Vpc1, backend), out var learnt));
        Assert.Equal(Contracts.Net.Ipv4Prefix.ToNetworkOrder(DataPlaneWorld.NodeIp(NodeRole.C)), learnt.Host);
        Assert.False(w.A.Transit.Map<EpKey, LearntHost>("ep_learnt").TryLookup(new EpKey(DataPlaneWorld.Vpc1, Svc.Vip), out _));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void WarmFlow_AgentDnatsAndGoesDirectToTheBackendsNode(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (_, tcpBackend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));
        var (_, udpBackend) = w.Decide(Svc.Udp(40002));

        var tcp = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack));
        var udp = AgentTests.Run(w.A.Agent, hook, Svc.Udp(40002));

        foreach (var (r, backend, port) in new[] { (tcp, tcpBackend, Svc.Web), (udp, udpBackend, Svc.Dns) })
        {
            Assert.Equal((PacketVerdict.Redirect, "ScaledEndpoint"), (r.Verdict, r.Function));
            var g = GenevePacket.Parse(r.Output);
            AgentTests.AssertOuter(g, from: NodeRole.A, to: NodeRole.C);
            var o = Svc.Option(g);
            Assert.Equal((ServiceOption.Marked, Svc.Vip, port, backend), (o.Flags, o.ServiceIp, o.ServicePort, o.BackendIp));
            Assert.Equal(backend, g.Inner.Extract<IPv4Packet>().DestinationAddress);
            Assert.Equal(Svc.BackendPort, g.Inner.Extract<TransportPacket>().DestinationPort);
            Svc.AssertChecksums(g.Inner);
        }

        Assert.Equal(2ul, w.B.Transit.Counters()["ScaledEndpoint"].Verdicts.Tx); // the owner saw the first packets only
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void WarmFlow_ReadsTheMapsWithoutWriting(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (_, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));
        var fwdMap = w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd");
        var revMap = w.A.Transit.Map<FlowKey, ReverseEntry>("svc_rev");
        // Seen "just now" (a minute ahead, so the refresh-once-a-second rule cannot fire during the test).
        fwdMap.TryLookup(Svc.ForwardKey(40000), out var fwd);
        revMap.TryLookup(Svc.ReverseKey(backend, 40000), out var rev);
        fwd.Seen = rev.Seen = Svc.MonotonicNs() + 60_000_000_000UL;
        fwdMap.Update(Svc.ForwardKey(40000), fwd);
        revMap.Update(Svc.ReverseKey(backend, 40000), rev);
        var stats = Svc.Stats(w.A.Transit);
        var reply = Frames.Geneve(NodeRole.C, NodeRole.A, DataPlaneWorld.Vpc1, PacketBuilder.Tcp(Frames.C1.Mac, DataPlaneWorld.GatewayMac, backend, Frames.A1.Ip, Svc.BackendPort, 40000, TcpFlags.Ack));

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(PacketVerdict.Redirect, AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack)).Verdict);
            Assert.Equal(PacketVerdict.Redirect, w.A.Transit.Run(reply).Verdict);
        }

        Assert.True(fwdMap.TryLookup(Svc.ForwardKey(40000), out var fwdAfter));
        Assert.True(revMap.TryLookup(Svc.ReverseKey(backend, 40000), out var revAfter));
        Assert.Equal(fwd, fwdAfter);
        Assert.Equal(rev, revAfter);
        Assert.Equal(stats, Svc.Stats(w.A.Transit));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void WarmFlow_SeenOlderThanASecond_RefreshedByTheNextPacket(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        w.Decide(Svc.Tcp(40000, TcpFlags.Syn));
        var old = Svc.MonotonicNs() - 2_000_000_000UL;
        w.Backdate(40000, old);

        AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack));

        w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40000), out var fwd);
        Assert.True(fwd.Seen > old + 1_500_000_000UL);
    }

    internal static void AssertToBouncerUnrewritten(PacketResult r)
    {
        Assert.Equal((PacketVerdict.Redirect, "Endpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.B), g.Outer.Destination);
        Assert.Equal(Svc.Vip, g.Inner.Extract<IPv4Packet>().DestinationAddress);
        Assert.False(ServiceOption.TryParse(g.Geneve, out _));
    }
}
