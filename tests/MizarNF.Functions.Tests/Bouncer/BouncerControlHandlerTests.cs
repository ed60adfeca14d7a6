using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Bouncer.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;

namespace MizarNF.Functions.Tests.Bouncer;

[Collection(WorldCollection.Name)]
public sealed class BouncerControlHandlerTests(WorldFixture fixture)
{
    [Fact]
    public void Apply_EndpointOutsideBouncedSubnets_RefusedAndWritesNothing()
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(b.Pipeline)["Bouncer"];
        var before = b.Map<EpKey, BouncedEndpoint>("bn_eps").Entries().Count();
        var json = ControlJson.Write(new object[]
        {
            new { vni = 100, ip = "10.1.0.77", host = "192.168.10.3", mac = "02:00:00:00:00:77" },
            new { vni = 100, ip = "10.7.0.5", host = "192.168.10.3", mac = "02:00:00:00:00:78" },
        });

        var e = Assert.Throws<ControlValidationException>(() => h.Apply(new ControlRequest(ControlOperation.Upsert, "endpoint", json)));

        Assert.Contains("not in any subnet this node bounces", e.Message);
        Assert.Equal(before, b.Map<EpKey, BouncedEndpoint>("bn_eps").Entries().Count());
    }

    [Theory]
    [InlineData("10.1.0.0/33", "prefix length")]
    [InlineData("10.1.0.5/24", "host bits are set")]
    [InlineData("banana", "not a CIDR")]
    public void Apply_InvalidSubnet_RefusedWithReason(string cidr, string message)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(b.Pipeline)["Bouncer"];

        var e = Assert.Throws<ControlValidationException>(() => h.Apply(new ControlRequest(ControlOperation.Upsert, "subnet", ControlJson.Write(new[] { new { vni = 100, cidr } }))));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Apply_RemoveEndpoint_ThenPacketsForItAreDroppedNotForwarded()
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(b.Pipeline)["Bouncer"];

        h.Apply(new ControlRequest(ControlOperation.Remove, "endpoint", ControlJson.Write(new[] { new { vni = 100, ip = "10.1.0.20", host = "", mac = "" } })));
        var r = b.Run(Frames.Geneve(NodeRole.A, NodeRole.B, DataPlaneWorld.Vpc1, Frames.PodUdp(Frames.A1, Frames.C1.Ip)));

        Assert.Equal("UNKNOWN_ENDPOINT", r.DropReasonName);
    }
}
