using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts.Control;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>How a cached flow ends: RST, FIN, idle timeout, a new SYN, or its backend's node turning it back.</summary>
[Collection(WorldCollection.Name)]
public sealed class FlowLifetimeTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Rst_PassesRewrittenThenTheFlowIsForgotten(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (_, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));

        var rst = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Rst | TcpFlags.Ack));
        var after = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack));

        Assert.Equal(backend, GenevePacket.Parse(rst.Output).Inner.Extract<IPv4Packet>().DestinationAddress);
        Assert.False(w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40000), out _));
        Assert.False(w.A.Transit.Map<FlowKey, ReverseEntry>("svc_rev").TryLookup(Svc.ReverseKey(backend, 40000), out _));
        Assert.Equal(1ul, Svc.Stats(w.A.Transit).FlowsEnded);
        ClientTests.AssertToBouncerUnrewritten(after); // goes to the owner again
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void BackendsRst_ReverseNattedThenTheFlowIsForgotten(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (_, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));
        var rst = PacketBuilder.Tcp(Frames.C1.Mac, DataPlaneWorld.GatewayMac, backend, Frames.A1.Ip, Svc.BackendPort, 40000, TcpFlags.Rst);

        var r = w.A.Transit.Run(Frames.Geneve(NodeRole.C, NodeRole.A, DataPlaneWorld.Vpc1, rst));

        Assert.Equal(Svc.Vip, ((EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output)).Extract<IPv4Packet>().SourceAddress);
        Assert.False(w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40000), out _));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Fin_FlowClosesAfterTheFinTimeoutNotTheIdleOne(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        w.Decide(Svc.Tcp(40000, TcpFlags.Syn));

        AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Fin | TcpFlags.Ack));
        w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40000), out var fwd);
        Assert.Equal(1, fwd.Flags); // closing: the FIN-ACK and last ACK still need the entries
        Assert.Equal(PacketVerdict.Redirect, AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack)).Verdict);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), GenevePacket.Parse(AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack)).Output).Outer.Destination);

        w.Backdate(40000, Svc.MonotonicNs() - 11_000_000_000UL, flags: 1); // 11 s: past the FIN timeout (10 s), far from the idle one (300 s)
        var after = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack));

        ClientTests.AssertToBouncerUnrewritten(after);
        Assert.Equal(1ul, Svc.Stats(w.A.Transit).FlowsExpired);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void IdleTimeout_AnIdleFlowIsDecidedAgain(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        Svc.Config(fixture.World, w.A.Transit.Pipeline, new { idleTimeoutSeconds = 30 });
        w.Decide(Svc.Udp(40002));

        w.Backdate(40002, Svc.MonotonicNs() - 20_000_000_000UL, Svc.Dns, 17);
        var warm = AgentTests.Run(w.A.Agent, hook, Svc.Udp(40002));
        w.Backdate(40002, Svc.MonotonicNs() - 31_000_000_000UL, Svc.Dns, 17);
        var idle = AgentTests.Run(w.A.Agent, hook, Svc.Udp(40002));

        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), GenevePacket.Parse(warm.Output).Outer.Destination);
        ClientTests.AssertToBouncerUnrewritten(idle);
        Assert.False(w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40002, Svc.Dns, 17), out _));
        Assert.Equal(1ul, Svc.Stats(w.A.Transit).FlowsExpired);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Syn_OnACachedFiveTuple_IsDecidedAgain(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        w.Decide(Svc.Tcp(40000, TcpFlags.Syn));

        var syn = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Syn));

        ClientTests.AssertToBouncerUnrewritten(syn);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void GoneBackend_MarkedPacketTurnedBack_ClientForgetsAndDecidesAgain(PipelineHook hook)
    {
        // The owner still lists 10.1.0.99 on C, but C has no such endpoint (deleted, or never there).
        var gone = IPAddress.Parse("10.1.0.99");
        using var w = new ServiceNodes(fixture.World, hook, Svc.Service(Svc.Dns, "udp", [Svc.Backend(gone, NodeRole.C)]));
        var (sent, backend) = w.Decide(Svc.Udp(40002));
        Assert.Equal(gone, backend);

        var atC = w.C.Transit.Run(sent.Output);

        Assert.Equal((PacketVerdict.Tx, "ScaledEndpoint"), (atC.Verdict, atC.Function));
        var back = GenevePacket.Parse(atC.Output);
        AgentTests.AssertOuter(back, from: NodeRole.C, to: NodeRole.A);
        Assert.Equal(ServiceOption.Rejected, Svc.Option(back).Flags);
        Assert.Equal(1ul, Svc.Stats(w.C.Transit).RejectsSent);

        var atA = w.A.Transit.Run(atC.Output);

        Assert.Equal((PacketVerdict.Drop, "REJECTED"), (atA.Verdict, atA.DropReasonName));
        Assert.False(w.A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd").TryLookup(Svc.ForwardKey(40002, Svc.Dns, 17), out _));
        Assert.Equal(1ul, Svc.Stats(w.A.Transit).FlowsRejected);
        // The owner drops the backend; the flow's next packet is decided again, never black-holed.
        Svc.Apply(fixture.World, w.B.Transit.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Dns, "udp", [Svc.Backend(Frames.C1.Ip, NodeRole.C)]));
        var next = AgentTests.Run(w.A.Agent, hook, Svc.Udp(40002));
        ClientTests.AssertToBouncerUnrewritten(next);
        var (again, redecided) = w.Decide(Svc.Udp(40002));
        Assert.Equal(Frames.C1.Ip, redecided);
        Assert.Equal(PacketVerdict.Redirect, w.C.Transit.Run(again.Output).Verdict); // delivered to c1
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void MarkedPacketForAPresentBackend_DeliveredAsUsual(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        var (sent, backend) = w.Decide(Svc.Tcp(40000, TcpFlags.Syn));

        var r = w.C.Transit.Run(sent.Output);

        Assert.Equal((PacketVerdict.Redirect, "Endpoint"), (r.Verdict, r.Function));
        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output);
        Assert.Equal(backend, eth.Extract<IPv4Packet>().DestinationAddress);
        Svc.AssertChecksums(eth);
    }
}
