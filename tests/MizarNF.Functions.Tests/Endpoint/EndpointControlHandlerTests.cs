using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.Endpoint.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.Endpoint;

[Collection(WorldCollection.Name)]
public sealed class EndpointControlHandlerTests(WorldFixture fixture)
{
    [Fact]
    public void Apply_SameRequestTwice_SecondWritesNothing()
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(c.Pipeline)["Endpoint"];
        var request = Request(ControlOperation.Upsert, "endpoint", new { vni = 100, ip = "10.1.0.50", mac = "02:00:00:00:00:50", ifindex = 50, gateway = "10.1.0.1" });

        var first = h.Apply(request);
        var second = h.Apply(request);

        Assert.Equal(2, first.Written);
        Assert.Equal(0, second.Written);
        Assert.Equal(2, second.Unchanged);
    }

    [Theory]
    [InlineData("{\"vni\":100,\"ip\":\"10.1.0.300\",\"mac\":\"02:00:00:00:00:50\",\"ifindex\":50,\"gateway\":\"10.1.0.1\"}", "not an IPv4 address")]
    [InlineData("{\"vni\":100,\"ip\":\"10.1.0.50\",\"mac\":\"02:00:00:00:50\",\"ifindex\":50,\"gateway\":\"10.1.0.1\"}", "not a MAC address")]
    [InlineData("{\"vni\":0,\"ip\":\"10.1.0.50\",\"mac\":\"02:00:00:00:00:50\",\"ifindex\":50,\"gateway\":\"10.1.0.1\"}", "outside 1..16777215")]
    [InlineData("{\"vni\":100,\"ip\":\"10.1.0.50\",\"mac\":\"02:00:00:00:00:50\",\"ifindex\":0,\"gateway\":\"10.1.0.1\"}", "not an interface index")]
    public void Apply_InvalidEndpointAmongValidOnes_RefusedAndWritesNothing(string bad, string message)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(c.Pipeline)["Endpoint"];
        var before = c.Map<EpKey, LocalEndpoint>("ep_local").Entries().Count();
        var json = $"[{{\"vni\":100,\"ip\":\"10.1.0.51\",\"mac\":\"02:00:00:00:00:51\",\"ifindex\":51,\"gateway\":\"10.1.0.1\"}},{bad}]";

        var e = Assert.Throws<ControlValidationException>(() => h.Apply(new ControlRequest(ControlOperation.Upsert, "endpoint", json)));

        Assert.Contains(message, e.Message);
        Assert.Equal(before, c.Map<EpKey, LocalEndpoint>("ep_local").Entries().Count());
    }

    [Fact]
    public void Apply_NineBouncers_Refused()
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(c.Pipeline)["Endpoint"];

        var e = Assert.Throws<ControlValidationException>(() => h.Apply(Request(ControlOperation.Upsert, "subnet",
            new { vni = 100, gateway = "10.1.0.1", bouncers = Enumerable.Range(1, 9).Select(i => $"192.168.10.{i}").ToArray() })));

        Assert.Contains("at most 8", e.Message);
    }

    [Fact]
    public void Apply_ReplaceEndpoints_RemovesThoseNotListed()
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, PipelineHook.Xdp);
        var h = fixture.World.Handlers(c.Pipeline)["Endpoint"];

        var r = h.Apply(Request(ControlOperation.Replace, "endpoint", new { vni = 100, ip = "10.1.0.20", mac = "02:cc:00:00:00:20", ifindex = 1, gateway = "10.1.0.1" }));

        Assert.Equal(2, r.Deleted); // c2 from ep_local and ep_agent
        Assert.Single(c.Map<EpKey, LocalEndpoint>("ep_local").Entries());
    }

    [Theory]
    [InlineData(PipelineHook.Xdp)]
    [InlineData(PipelineHook.Tc)]
    public void Delivery_ThousandTwoHundredEndpointsOnOneNode_EachReachable(PipelineHook hook)
    {
        using var c = fixture.World.Build(NodeRole.C, AttachPoint.Transit, hook);
        var h = fixture.World.Handlers(c.Pipeline)["Endpoint"];
        var endpoints = Enumerable.Range(0, 1200).Select(i => new
        {
            vni = 300u,
            ip = $"10.9.{i / 250}.{(i % 250) + 2}",
            mac = $"02:99:00:00:{i / 256:x2}:{i % 256:x2}",
            ifindex = 1000 + i,
            gateway = "10.9.0.1",
        }).ToArray();

        var written = h.Apply(Request(ControlOperation.Upsert, "endpoint", endpoints));

        Assert.Equal(2400, written.Written);
        foreach (var i in new[] { 0, 599, 1199 })
        {
            var ep = endpoints[i];
            var inner = Frames.PodUdp(Frames.A1 with { Vni = 300 }, System.Net.IPAddress.Parse(ep.ip));
            var r = c.Run(Frames.Geneve(NodeRole.A, NodeRole.C, 300, inner));
            Assert.Equal(PacketVerdict.Redirect, r.Verdict);
            Assert.Equal(ep.mac, ((EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, r.Output)).DestinationHardwareAddress.ToString().ToLowerInvariant().Insert(10, ":").Insert(8, ":").Insert(6, ":").Insert(4, ":").Insert(2, ":"));
        }
    }

    private static ControlRequest Request(ControlOperation op, string kind, params object[] objects) =>
        new(op, kind, ControlJson.Write(objects));
}
