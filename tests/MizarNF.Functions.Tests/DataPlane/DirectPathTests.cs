using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Functions.Tests.DataPlane;

/// <summary>
/// Packet walks 1–4 end to end, one node's pipeline after the other: the first packet goes
/// through the bouncer; the reply goes direct; from then on both directions go direct.
/// </summary>
[Collection(WorldCollection.Name)]
public sealed class DirectPathTests(WorldFixture fixture)
{
    [Theory]
    [InlineData(PipelineHook.Xdp)]
    [InlineData(PipelineHook.Tc)]
    public void Flow_AfterFirstExchange_GoesDirectBothWays(PipelineHook hook)
    {
        var w = fixture.World;
        using var a = w.BuildNode(NodeRole.A, hook);
        using var b = w.BuildNode(NodeRole.B, hook);
        using var c = w.BuildNode(NodeRole.C, hook);
        var (agentA, transitA, transitB, agentC, transitC) = (a.Agent, a.Transit, b.Transit, c.Agent, c.Transit);

        // a1 → c1, first packet: A does not know c1's host, so it goes to the bouncer B.
        var first = AgentTests.Run(agentA, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.B), GenevePacket.Parse(first.Output).Outer.Destination);
        var bounced = transitB.Run(first.Output);
        Assert.Equal(PacketVerdict.Tx, bounced.Verdict);
        var delivered = transitC.Run(bounced.Output);
        Assert.Equal(PacketVerdict.Redirect, delivered.Verdict);

        // c1 → a1, the reply: C learnt a1's host from the first packet, so it goes direct.
        var reply = AgentTests.Run(agentC, hook, Frames.PodUdp(Frames.C1, Frames.A1.Ip), ifindex: Frames.C1.Ifindex);
        var replyOuter = GenevePacket.Parse(reply.Output).Outer;
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), replyOuter.Destination);
        Assert.Equal(PacketVerdict.Redirect, transitA.Run(reply.Output).Verdict);

        // a1 → c1 again: A learnt c1's host from the reply: direct, no bouncer.
        var second = AgentTests.Run(agentA, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), GenevePacket.Parse(second.Output).Outer.Destination);
        Assert.Equal(PacketVerdict.Redirect, transitC.Run(second.Output).Verdict);
        Assert.Equal(1ul, transitB.Counters()["Bouncer"].Verdicts.Tx);
    }

    [Theory]
    [InlineData(PipelineHook.Xdp)]
    [InlineData(PipelineHook.Tc)]
    public void Arp_ThroughBouncer_MakesTheFirstIpPacketDirect(PipelineHook hook)
    {
        var w = fixture.World;
        using var a = w.BuildNode(NodeRole.A, hook);
        using var transitB = w.Build(NodeRole.B, AttachPoint.Transit, hook);
        var (agentA, transitA) = (a.Agent, a.Transit);

        var request = AgentTests.Run(agentA, hook, PacketBuilder.ArpRequest(Frames.A1.Mac, Frames.A1.Ip, Frames.C1.Ip));
        var answer = transitB.Run(request.Output);
        Assert.Equal(PacketVerdict.Tx, answer.Verdict);
        Assert.Equal(PacketVerdict.Redirect, transitA.Run(answer.Output).Verdict);

        // The agent reads what transit learnt: both pipelines share the node's pinned ep_learnt.
        var firstIp = AgentTests.Run(agentA, hook, Frames.PodUdp(Frames.A1, Frames.C1.Ip, Frames.C1.Mac));
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.C), GenevePacket.Parse(firstIp.Output).Outer.Destination);
    }
}
