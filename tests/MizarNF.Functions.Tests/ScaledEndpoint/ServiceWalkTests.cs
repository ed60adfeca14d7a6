using MizarNF.Composer.Pipeline;
using MizarNF.Contracts.Control;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>Packet walk 6 node to node, from a1's first packet on: only the first one meets the owner.</summary>
[Collection(WorldCollection.Name)]
public sealed class ServiceWalkTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Flow_FirstPacketThroughTheOwnerThenDirectBothWays(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);

        // a1 → VIP: A knows nothing, the Endpoint agent sends it to the subnet's bouncer B, which owns the service.
        var first = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Syn));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.B), GenevePacket.Parse(first.Output).Outer.Destination);
        var decided = w.B.Transit.Run(first.Output);
        var toBackend = w.A.Transit.Run(decided.Output);
        var delivered = w.C.Transit.Run(toBackend.Output);
        Assert.Equal((PacketVerdict.Redirect, "Endpoint"), (delivered.Verdict, delivered.Function));
        var backend = ((EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, delivered.Output)).Extract<IPv4Packet>().DestinationAddress;
        var backendEp = backend.Equals(Frames.C1.Ip) ? Frames.C1 : Frames.C2;

        for (var i = 0; i < 10; i++)
        {
            // The backend answers: C learnt a1's host from the first packet, so it goes direct to A,
            // whose transit rewrites it back to the VIP before delivery to a1.
            var reply = AgentTests.Run(w.C.Agent, hook, PacketBuilder.Tcp(backendEp.Mac, DataPlaneWorld.GatewayMac, backend, Frames.A1.Ip, Svc.BackendPort, 40000, TcpFlags.Ack, "data"u8), ifindex: backendEp.Ifindex);
            Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), GenevePacket.Parse(reply.Output).Outer.Destination);
            var atA1 = w.A.Transit.Run(reply.Output);
            Assert.Equal(PacketVerdict.Redirect, atA1.Verdict);
            var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, atA1.Output);
            Assert.Equal(Svc.Vip, eth.Extract<IPv4Packet>().SourceAddress);
            Assert.Equal(Svc.Web, eth.Extract<TcpPacket>().SourcePort);
            Svc.AssertChecksums(eth);

            // a1 again: straight to C from A's agent.
            var next = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Ack));
            Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), GenevePacket.Parse(next.Output).Outer.Destination);
            Assert.Equal(PacketVerdict.Redirect, w.C.Transit.Run(next.Output).Verdict);
        }

        var owner = w.B.Transit.Counters()["ScaledEndpoint"].Verdicts;
        Assert.Equal((1ul, 1ul), (owner.Tx, Svc.Stats(w.B.Transit).Decisions));
        Assert.Equal(0ul, w.B.Transit.Counters()["Bouncer"].Verdicts.Tx);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ClientOnTheOwnersNode_DecidedByTheAgentWithoutARoundTrip(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        Svc.Apply(fixture.World, w.A.Transit.Pipeline, ControlOperation.Upsert, Svc.Standard); // A owns them too

        var r = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Syn));

        Assert.Equal((PacketVerdict.Redirect, "ScaledEndpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        AgentTests.AssertOuter(g, from: NodeRole.A, to: NodeRole.C);
        Assert.Equal(ServiceOption.Marked, Svc.Option(g).Flags);
        Svc.AssertChecksums(g.Inner);
        Assert.Equal(1ul, Svc.Stats(w.A.Transit).Decisions);
        Assert.Equal(PacketVerdict.Redirect, w.C.Transit.Run(r.Output).Verdict);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ClientOnTheOwnersNode_PingAnsweredByTheAgentAndUnknownPortDropped(PipelineHook hook)
    {
        using var w = new ServiceNodes(fixture.World, hook);
        Svc.Apply(fixture.World, w.A.Transit.Pipeline, ControlOperation.Upsert, Svc.Standard);

        var ping = AgentTests.Run(w.A.Agent, hook, PacketBuilder.IcmpEcho(Frames.A1.Mac, DataPlaneWorld.GatewayMac, Frames.A1.Ip, Svc.Vip, 9, 1, "x"u8));
        var noPort = AgentTests.Run(w.A.Agent, hook, Svc.Tcp(40000, TcpFlags.Syn, dport: 443));

        Assert.Equal((PacketVerdict.Tx, "ScaledEndpoint"), (ping.Verdict, ping.Function));
        var eth = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, ping.Output);
        Assert.Equal((Svc.Vip, Frames.A1.Ip), (eth.Extract<IPv4Packet>().SourceAddress, eth.Extract<IPv4Packet>().DestinationAddress));
        Assert.Equal(IcmpV4TypeCode.EchoReply, eth.Extract<IcmpV4Packet>().TypeCode);
        Assert.True(eth.Extract<IcmpV4Packet>().ValidIcmpChecksum);
        Assert.Equal(Frames.A1.Mac, eth.DestinationHardwareAddress);
        Assert.Equal((PacketVerdict.Drop, "NO_SUCH_PORT"), (noPort.Verdict, noPort.DropReasonName));
    }
}
