using System.Text.Json;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using static MizarNF.ControlPlane.Tests.Services.ServiceWorld;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using ServiceObject = MizarNF.ControlPlane.Objects.Service;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>A service reaches its owners (entries) and its VPC's dividers (a /32), and nothing else.</summary>
public sealed class ServiceProgrammingTests
{
    [Theory]
    [InlineData(10, 40)]
    [InlineData(500, 400)]
    public async Task ApplyService_ManyNodesAndEndpoints_CallsOwnersPlusDividersOnly(int nodes, int endpoints)
    {
        using var cluster = await ClusterAsync(nodes: 5, dividers: 2, bouncers: 2);
        PlantReadyNodes(cluster, 6, nodes);
        for (var i = 0; i < endpoints; i++)
        {
            await cluster.Reconciler.ApplyAsync(Labelled($"e{i}", $"node-{1 + (i % 5)}", app: i % 2 == 0 ? "web" : "db"));
        }

        cluster.Nodes.ResetCalls();
        var service = await cluster.Reconciler.ApplyAsync(Service("web"));

        Assert.True(service.IsReady, Conditions.Find(service.Status.Conditions, Conditions.Ready)!.Message);
        var vpc = cluster.Store.Get<Vpc>("vpc")!;
        Assert.Equal(2, service.Status.Owners.Count);
        Assert.Equal(2, vpc.Status.Dividers.Count);
        Assert.Equal(2 + 2, cluster.Nodes.TotalCalls); // the same with 10 or 500 nodes, 40 or 400 endpoints
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster));
        Assert.Equal(endpoints / 2, service.Status.Backends.Count);
        foreach (var divider in vpc.Status.Dividers)
        {
            Assert.Equal(1, cluster.Nodes[divider].TotalCalls);
            Assert.Contains($"{vpc.Status.Vni}/{service.Status.ClusterIp}/32", Routes(cluster, divider).Keys);
        }

        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.ApplyAsync(Labelled("late", "node-3"));
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster)); // a backend change: one call per owner
        Assert.Equal(1 + 2 + 2, cluster.Nodes.TotalCalls); // the endpoint's own (its node, two bouncers) and the owners

        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.DeleteAsync(Endpoint.KindName, "e0");
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster));
        Assert.Equal(1 + 2 + 2, cluster.Nodes.TotalCalls);
        Assert.Equal(endpoints / 2, cluster.Store.Get<ServiceObject>("web")!.Status.Backends.Count); // one in, one out
    }

    [Fact]
    public async Task ApplyService_Selector_OwnersHoldTheContractJson()
    {
        using var cluster = await ClusterAsync(nodes: 4);
        var a = await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2"));
        var b = await cluster.Reconciler.ApplyAsync(Labelled("b", "node-3"));
        await cluster.Reconciler.ApplyAsync(Labelled("other", "node-3", app: "db"));

        var service = await cluster.Reconciler.ApplyAsync(Service("web", clusterIp: "10.96.0.10", ports: [Port(80, 8080), Port(53, protocol: "UDP", name: "dns")]) with
        {
            Spec = Service("web", clusterIp: "10.96.0.10", ports: [Port(80, 8080), Port(53, protocol: "UDP", name: "dns")]).Spec with
            {
                SessionAffinity = ServiceAffinity.ClientIp,
                SessionAffinityConfig = new SessionAffinityConfig { ClientIp = new ClientIpConfig { TimeoutSeconds = 600 } },
            },
        });

        var vni = cluster.Store.Get<Vpc>("vpc")!.Status.Vni;
        Assert.Equal("10.96.0.10", service.Status.ClusterIp);
        Assert.Equal(["a", "b"], service.Status.Backends.Select(x => x.Endpoint));
        foreach (var owner in service.Status.Owners)
        {
            var entries = Entries(cluster, owner);
            Assert.Equal([$"{vni}/10.96.0.10:53/udp", $"{vni}/10.96.0.10:80/tcp"], entries.Keys.Order(StringComparer.Ordinal));
            var expected = $$$"""
                {"vni":{{{vni}}},"ip":"10.96.0.10","port":80,"protocol":"tcp","backends":[{"ip":"{{{a.Status.Ip}}}","port":8080,"host":"192.168.0.2"},{"ip":"{{{b.Status.Ip}}}","port":8080,"host":"192.168.0.3"}],"affinity":{"clientIp":true,"timeoutSeconds":600}}
                """;
            Assert.Equal(expected, entries[$"{vni}/10.96.0.10:80/tcp"]);
            Assert.Contains("\"port\":53,\"protocol\":\"udp\",\"backends\":[{\"ip\":\"" + a.Status.Ip + "\",\"port\":53,", entries[$"{vni}/10.96.0.10:53/udp"], StringComparison.Ordinal);
        }

        var route = Routes(cluster, cluster.Store.Get<Vpc>("vpc")!.Status.Dividers[0])[$"{vni}/10.96.0.10/32"];
        var owners = service.Status.Owners.Select(o => cluster.Store.Get<Node>(o)!.Spec.Address);
        Assert.Equal(owners, JsonDocument.Parse(route).RootElement.GetProperty("bouncers").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ApplyService_NoAffinity_NoAffinityInJson()
    {
        using var cluster = await ClusterAsync();
        var service = await cluster.Reconciler.ApplyAsync(Service("web", endpoints: []));

        var json = Entries(cluster, service.Status.Owners[0]).Values.Single();
        Assert.DoesNotContain("affinity", json, StringComparison.Ordinal);
        Assert.Contains("\"backends\":[]", json, StringComparison.Ordinal);
        var available = Conditions.Find(service.Status.Conditions, ServiceConditions.BackendsAvailable)!;
        Assert.Equal((Conditions.False, ServiceConditions.NoReadyBackends), (available.Status, available.Reason));
        Assert.True(service.IsReady);
    }

    [Fact]
    public async Task ApplyService_SameClusterIpInTwoVpcs_EntriesKeptApartByVni()
    {
        using var cluster = await ClusterAsync(nodes: 3);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("blue") with { Spec = new VpcSpec { Cidr = "10.0.0.0/16", ServiceCidr = ServiceCidr } });
        await cluster.Reconciler.ApplyAsync(Make.Subnet("blue-a", "blue", "10.0.0.0/22"));
        await cluster.Reconciler.ApplyAsync(Labelled("red-web", "node-1"));
        await cluster.Reconciler.ApplyAsync(Labelled("blue-web", "node-2", vpc: "blue", subnet: "blue-a"));

        var red = await cluster.Reconciler.ApplyAsync(Service("red", clusterIp: "10.96.0.10", owners: 3));
        var blue = await cluster.Reconciler.ApplyAsync(Service("blue", vpc: "blue", clusterIp: "10.96.0.10", owners: 3));

        var redVni = cluster.Store.Get<Vpc>("vpc")!.Status.Vni!.Value;
        var blueVni = cluster.Store.Get<Vpc>("blue")!.Status.Vni!.Value;
        Assert.NotEqual(redVni, blueVni);
        Assert.True(red.IsReady && blue.IsReady);
        foreach (var owner in new[] { "node-1", "node-2", "node-3" })
        {
            var entries = Entries(cluster, owner);
            var redEntry = JsonDocument.Parse(entries[$"{redVni}/10.96.0.10:80/tcp"]).RootElement;
            var blueEntry = JsonDocument.Parse(entries[$"{blueVni}/10.96.0.10:80/tcp"]).RootElement;
            Assert.Equal(["10.0.0.2"], redEntry.GetProperty("backends").EnumerateArray().Select(b => b.GetProperty("ip").GetString()));
            Assert.Equal("192.168.0.1", redEntry.GetProperty("backends")[0].GetProperty("host").GetString());
            Assert.Equal("192.168.0.2", blueEntry.GetProperty("backends")[0].GetProperty("host").GetString()); // same address, the other VPC's endpoint
        }

        // A backend change in one VPC re-programs that VPC's service only.
        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.DeleteAsync(Endpoint.KindName, "blue-web");
        var calls = cluster.Nodes.Log.Calls.Where(c => c.Request?.Function == FunctionRequests.ScaledEndpoint).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Contains($"\"vni\":{blueVni},", c.Request!.Json, StringComparison.Ordinal));
        Assert.Contains("10.0.0.2", Entries(cluster, "node-1")[$"{redVni}/10.96.0.10:80/tcp"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyService_Twice_NoNewCalls()
    {
        using var cluster = await ClusterAsync();
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2"));
        var first = await cluster.Reconciler.ApplyAsync(Service("web"));
        cluster.Nodes.ResetCalls();

        var second = await cluster.Reconciler.ApplyAsync(Service("web"));

        Assert.Equal(0, cluster.Nodes.TotalCalls);
        Assert.Equal((first.Status.ClusterIp, first.Metadata.Uid, 1L), (second.Status.ClusterIp, second.Metadata.Uid, second.Metadata.Generation));
    }

    [Fact]
    public async Task ApplyService_Allocated_LowestFreeOfServiceCidr()
    {
        using var cluster = await ClusterAsync();

        var first = await cluster.Reconciler.ApplyAsync(Service("a"));
        var fixedIp = await cluster.Reconciler.ApplyAsync(Service("b", clusterIp: "10.96.0.2"));
        var third = await cluster.Reconciler.ApplyAsync(Service("c"));

        Assert.Equal(("10.96.0.1", "10.96.0.2", "10.96.0.3"), (first.Status.ClusterIp, fixedIp.Status.ClusterIp, third.Status.ClusterIp));
    }

    [Fact]
    public async Task ApplyService_PortDropped_OwnersForgetIt()
    {
        using var cluster = await ClusterAsync();
        var service = await cluster.Reconciler.ApplyAsync(Service("web", ports: [Port(80), Port(443)]));
        var vni = cluster.Store.Get<Vpc>("vpc")!.Status.Vni;

        cluster.Nodes.ResetCalls();
        var changed = await cluster.Reconciler.ApplyAsync(Service("web", ports: [Port(443)]));

        Assert.Equal(service.Status.Owners.Order(), cluster.Nodes.Log.Calls.Select(c => c.Node).Distinct().Order()); // the dividers hold the /32 already

        Assert.True(changed.IsReady);
        Assert.Equal(2, changed.Metadata.Generation);
        Assert.Equal(["443/TCP"], changed.Status.ProgrammedPorts);
        foreach (var owner in service.Status.Owners)
        {
            Assert.Equal([$"{vni}/{service.Status.ClusterIp}:443/tcp"], Entries(cluster, owner).Keys);
        }
    }

    [Fact]
    public async Task DeleteService_OwnersAndDividersForgetIt()
    {
        using var cluster = await ClusterAsync(dividers: 2);
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2"));
        var service = await cluster.Reconciler.ApplyAsync(Service("web"));
        var vpc = cluster.Store.Get<Vpc>("vpc")!;
        cluster.Nodes.ResetCalls();

        Assert.True(await cluster.Reconciler.DeleteAsync(ServiceObject.KindName, "web"));

        Assert.Null(cluster.Store.Get<ServiceObject>("web"));
        Assert.Equal(service.Status.Owners.Count + vpc.Status.Dividers.Count, cluster.Nodes.TotalCalls);
        foreach (var node in cluster.Nodes.Nodes.Values)
        {
            Assert.Empty(node.Entries(FunctionRequests.ScaledEndpoint, "service"));
            Assert.DoesNotContain(node.Entries(FunctionRequests.Divider, "subnet").Keys, k => k.EndsWith("/32", StringComparison.Ordinal));
        }

        // The endpoint stays, and a later change to it calls no former owner.
        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.DeleteAsync(Endpoint.KindName, "a");
        Assert.Empty(ScaledEndpointCalls(cluster));
    }

    [Fact]
    public async Task ApplyEndpoint_LabelsChange_ServiceFollows()
    {
        using var cluster = await ClusterAsync();
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2"));
        var service = await cluster.Reconciler.ApplyAsync(Service("web"));
        Assert.Single(service.Status.Backends);
        cluster.Nodes.ResetCalls();

        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2", app: "db"));

        Assert.Empty(cluster.Store.Get<ServiceObject>("web")!.Status.Backends);
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster));
        Assert.Equal(service.Status.Owners.Count, cluster.Nodes.TotalCalls); // the endpoint itself is unchanged on its node
    }

    [Fact]
    public async Task ApplyService_ExplicitBackends_NamesAndAddresses()
    {
        using var cluster = await ClusterAsync();
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("a", "vpc", "sub", "node-1"));
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("b", "vpc", "sub", "node-2"));
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("c", "vpc", "sub", "node-3"));

        var service = await cluster.Reconciler.ApplyAsync(Service("web", endpoints: ["a", "10.0.0.3", "later"]));
        cluster.Nodes.ResetCalls();
        var fewer = await cluster.Reconciler.ApplyAsync(Service("web", endpoints: ["a", "later"]));
        Assert.Equal(["a"], fewer.Status.Backends.Select(b => b.Endpoint));
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster));
        Assert.Equal(service.Status.Owners.Count, cluster.Nodes.TotalCalls); // an explicit backend change: the owners only
        service = await cluster.Reconciler.ApplyAsync(Service("web", endpoints: ["a", "10.0.0.3", "later"]));

        Assert.Equal(["a", "b"], service.Status.Backends.Select(b => b.Endpoint));
        Assert.Contains("1 listed not ready or unknown", Conditions.Find(service.Status.Conditions, Conditions.Ready)!.Message, StringComparison.Ordinal);

        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("later", "vpc", "sub", "node-4"));
        Assert.Equal(["a", "b", "later"], cluster.Store.Get<ServiceObject>("web")!.Status.Backends.Select(b => b.Endpoint));
        Assert.Equal(service.Status.Owners.Order(), ScaledEndpointCalls(cluster));
    }

    [Fact]
    public async Task ApplyService_OwnerUnreachable_NotReadyThenRetried()
    {
        using var cluster = await ClusterAsync(nodes: 2);
        cluster.Nodes["node-2"].Reachable = false;

        var failed = await cluster.Reconciler.ApplyAsync(Service("web"));

        var ready = Conditions.Find(failed.Status.Conditions, Conditions.Ready)!;
        Assert.Equal((Conditions.False, "NodeUnreachable"), (ready.Status, ready.Reason));
        cluster.Nodes["node-2"].Reachable = true;
        Assert.True((await cluster.Reconciler.ReconcileAllAsync()).AllReady);
        Assert.Single(Entries(cluster, "node-2"));
        Assert.Equal(failed.Status.ClusterIp, cluster.Store.Get<ServiceObject>("web")!.Status.ClusterIp);
    }

    [Fact]
    public async Task ApplyVpc_MoreDividers_NewDividersLearnServiceRoutes()
    {
        using var cluster = await ClusterAsync(nodes: 4, dividers: 1);
        var service = await cluster.Reconciler.ApplyAsync(Service("web"));
        var route = $"{cluster.Store.Get<Vpc>("vpc")!.Status.Vni}/{service.Status.ClusterIp}/32";

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3) with { Spec = new VpcSpec { Cidr = "10.0.0.0/16", Dividers = 3, ServiceCidr = ServiceCidr } });
        Assert.True(vpc.IsReady);
        Assert.All(vpc.Status.Dividers, d => Assert.Contains(route, Routes(cluster, d).Keys));

        var fewer = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc") with { Spec = new VpcSpec { Cidr = "10.0.0.0/16", Dividers = 1, ServiceCidr = ServiceCidr } });
        Assert.True(fewer.IsReady);
        foreach (var dropped in vpc.Status.Dividers.Except(fewer.Status.Dividers))
        {
            Assert.DoesNotContain(route, Routes(cluster, dropped).Keys);
        }
    }

    [Fact]
    public async Task DeleteNode_OwnsAService_Refused()
    {
        using var cluster = await ClusterAsync(nodes: 1);
        await cluster.Reconciler.ApplyAsync(Service("web", owners: 1));

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync(Node.KindName, "node-1"));

        Assert.Contains("owner of service 'web'", e.Message, StringComparison.Ordinal);
    }
}
