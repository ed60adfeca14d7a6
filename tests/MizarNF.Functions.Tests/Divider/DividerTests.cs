using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Functions.Tests.Divider;

/// <summary>Packet walk 5 on node D, the divider of VPC 100.</summary>
[Collection(WorldCollection.Name)]
public sealed class DividerTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_DestinationInSubnet2_ForwardedToThatSubnetsBouncer(PipelineHook hook)
    {
        using var d = fixture.World.Build(NodeRole.D, AttachPoint.Transit, hook);
        var inner = Frames.PodUdp(Frames.A1, Frames.C2.Ip);

        var r = d.Run(Frames.Geneve(NodeRole.A, NodeRole.D, DataPlaneWorld.Vpc1, inner));

        Assert.Equal((PacketVerdict.Tx, "Divider"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.E), g.Outer.Destination);
        Assert.Equal(DataPlaneWorld.NodeMac(NodeRole.E), g.Outer.DestinationMac);
        Assert.Equal(DataPlaneWorld.NodeIp(NodeRole.A), g.Outer.Source);
        Assert.True(g.Outer.Ipv4ChecksumValid);
        Assert.Equal(inner, g.InnerFrame);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Transit_OtherVni_NotDivided(PipelineHook hook)
    {
        using var d = fixture.World.Build(NodeRole.D, AttachPoint.Transit, hook);

        var r = d.Run(Frames.Geneve(NodeRole.A, NodeRole.D, DataPlaneWorld.Vpc2, Frames.PodUdp(Frames.A2, IPAddress.Parse("10.2.0.30"))));

        Assert.Equal((PacketVerdict.Drop, "NO_SUCH_ENDPOINT"), (r.Verdict, r.DropReasonName));
    }
}
