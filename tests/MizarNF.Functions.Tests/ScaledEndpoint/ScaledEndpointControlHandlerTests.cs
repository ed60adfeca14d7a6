using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Functions.ScaledEndpoint;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>The "service" and "config" kinds against a loaded pipeline's real maps.</summary>
[Collection(WorldCollection.Name)]
public sealed class ScaledEndpointControlHandlerTests(WorldFixture fixture)
{
    private const string Good = """{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[{"ip":"10.1.0.20","port":8080,"host":"192.168.10.3"}]}""";

    public static TheoryData<string, string> BadRequests => new()
    {
        { """[{"vni":100,"ip":"10.96.0","port":80,"protocol":"tcp","backends":[]}]""", "not an IPv4 address" },
        { """[{"vni":100,"ip":"10.96.0.10","port":0,"protocol":"tcp","backends":[]}]""", "port 0" },
        { """[{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"sctp","backends":[]}]""", "sctp" },
        { """[{"vni":0,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[]}]""", "VNI 0" },
        { """[{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[{"ip":"10.1.0.20","port":8080,"host":"192.168.10.3"},{"ip":"10.1.0.20","port":8080,"host":"192.168.10.4"}]}]""", "appears twice" },
        { """[{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[{"ip":"10.1.0.20","port":70000,"host":"192.168.10.3"}]}]""", "port 70000" },
        { """[{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[{"ip":"10.1.0.20","port":8080,"host":"node-3"}]}]""", "node-3" },
        { """[{"vni":100,"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[],"affinity":{"clientIp":true,"timeoutSeconds":0}}]""", "affinity timeout" },
        { $"[{Good},{Good}]", "appears twice" },
        { $"[{Good},{{\"vni\":100,\"ip\":\"10.96.0.11\",\"port\":-1,\"protocol\":\"udp\"}}]", "port -1" },
        { "{\"not\":\"an array\"}", "malformed JSON" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Apply_InvalidService_ThrowsAndWritesNothing(string json, string message)
    {
        using var h = Pipeline();
        var handler = Handler(h);

        var e = Assert.Throws<ControlValidationException>(() => handler.Apply(new ControlRequest(ControlOperation.Upsert, "service", json)));

        Assert.Contains(message, e.Message);
        Assert.Empty(h.Map<ServiceKey, ServiceInfo>("svc_svcs").Entries());
        Assert.Empty(h.Map<EpKey, uint>("svc_vips").Entries());
    }

    [Fact]
    public void Apply_SameServicesTwiceInAnyOrder_SecondWritesNothing()
    {
        using var h = Pipeline();
        var handler = Handler(h);
        var backends = Enumerable.Range(0, 5).Select(i => Svc.Backend(IPAddress.Parse($"10.1.0.{100 + i}"), NodeRole.C)).ToArray();

        var first = Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", backends));
        var second = Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "TCP", backends.Reverse().ToArray()));

        Assert.Equal(2, first.Written); // the service and its VIP
        Assert.Equal((0, 0, 2), (second.Written, second.Deleted, second.Unchanged));
        var table = handler.TableOf(new ServiceKey(DataPlaneWorld.Vpc1, Svc.Vip, Svc.Web, 6));
        Assert.Equal(MizarNF.Functions.ScaledEndpoint.Maglev.MaglevTable.SizeFor(5), table.Count);
        var shares = table.GroupBy(b => b.Ip).Select(g => g.Count()).ToList();
        Assert.Equal(5, shares.Count);
        Assert.True(shares.Max() - shares.Min() <= 1);
    }

    [Fact]
    public void Apply_BackendsChanged_NewTableWrittenBesideTheOldThenSwitched()
    {
        using var h = Pipeline();
        var key = new ServiceKey(DataPlaneWorld.Vpc1, Svc.Vip, Svc.Web, 6);
        Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", Svc.Backends));
        h.Map<ServiceKey, ServiceInfo>("svc_svcs").TryLookup(key, out var before);

        Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", Svc.Backends[..1]));

        h.Map<ServiceKey, ServiceInfo>("svc_svcs").TryLookup(key, out var after);
        Assert.NotEqual(before.Base, after.Base);
        Assert.Equal(before.Size, after.Size); // never shrunk while it has 100 slots per backend
        Assert.Equal(1u, after.Count);
        Assert.All(Handler(h).TableOf(key), b => Assert.Equal(Contracts.Net.Ipv4Prefix.ToNetworkOrder(Frames.C1.Ip), b.Ip));
    }

    [Fact]
    public void Replace_TheWholeSet_RemovesTheRestAndCountsVipPorts()
    {
        using var h = Pipeline();
        Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Standard);
        Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, new { vni = DataPlaneWorld.Vpc1, ip = "10.96.0.11", port = 443, protocol = "tcp", backends = Svc.Backends });
        Assert.True(h.Map<EpKey, uint>("svc_vips").TryLookup(new EpKey(DataPlaneWorld.Vpc1, Svc.Vip), out var ports));
        Assert.Equal(2u, ports);

        var r = Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Replace, Svc.Service(Svc.Web, "tcp", Svc.Backends));

        Assert.Equal(3, r.Deleted); // DNS and 10.96.0.11:443, and 10.96.0.11's VIP entry
        Assert.Single(h.Map<ServiceKey, ServiceInfo>("svc_svcs").Entries());
        Assert.Equal([KeyValuePair.Create(new EpKey(DataPlaneWorld.Vpc1, Svc.Vip), 1u)], h.Map<EpKey, uint>("svc_vips").Entries());
    }

    [Fact]
    public void Remove_ByKeyOnly_RemovesThatPort()
    {
        using var h = Pipeline();
        Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Upsert, Svc.Standard);

        var r = Svc.Apply(fixture.World, h.Pipeline, ControlOperation.Remove, new { vni = DataPlaneWorld.Vpc1, ip = Svc.Vip.ToString(), port = Svc.Dns, protocol = "udp" });

        Assert.Equal(1, r.Deleted);
        Assert.Equal([new ServiceKey(DataPlaneWorld.Vpc1, Svc.Vip, Svc.Web, 6)], h.Map<ServiceKey, ServiceInfo>("svc_svcs").Entries().Select(e => e.Key));
        Assert.Contains("\"port\":80", Handler(h).DescribeState());
    }

    [Fact]
    public void Config_Upsert_WritesAndValidates()
    {
        using var h = Pipeline();
        var handler = Handler(h);

        handler.Apply(new ControlRequest(ControlOperation.Upsert, "config", """[{"idleTimeoutSeconds":60,"mtu":9000}]"""));

        Assert.True(h.Map<uint, ServiceConfig>("svc_config").TryLookup(0, out var c));
        Assert.Equal((60u, 0u, 9000u), (c.IdleTimeoutS, c.FinTimeoutS, c.Mtu));
        Assert.Throws<ControlValidationException>(() => handler.Apply(new ControlRequest(ControlOperation.Upsert, "config", """[{"mtu":100}]""")));
        Assert.Throws<ControlValidationException>(() => handler.Apply(new ControlRequest(ControlOperation.Remove, "service-x", "[]")));
    }

    private PipelineHarness Pipeline() => fixture.World.Build(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);

    private static ScaledEndpointControlHandler Handler(PipelineHarness h)
    {
        var handler = new ScaledEndpointControlHandler();
        handler.Bind(h.Pipeline);
        return handler;
    }
}
