using System.Net;
using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;
using MizarNF.ControlPlane.Objects;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Vpc, Subnet and Endpoint custom resources streamed by watches, reconciled, written back.</summary>
public sealed class CustomResourceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Watch_VpcSubnetEndpointAdded_ReconciledAndStatusPatched()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);

        h.Server.Vpcs.Push("ADDED", Kube.Vpc("blue", "10.1.0.0/16", "12"));
        var vpc = await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/vpcs/blue/status");
        Assert.StartsWith("application/merge-patch+json", vpc.ContentType, StringComparison.Ordinal);
        var vpcStatus = vpc.Json["status"]!;
        Assert.InRange(vpcStatus["vni"]!.GetValue<uint>(), 1u, 0xFFFFFFu);
        Assert.Equal(1, vpcStatus["observedGeneration"]!.GetValue<long>());
        Assert.Equal("Placed", Cluster.Ready(vpc)!["reason"]!.GetValue<string>());

        var finalizer = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/vpcs/blue");
        Assert.StartsWith("application/merge-patch+json", finalizer.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"metadata":{"finalizers":["mizarnf.io/cleanup"],"resourceVersion":"12"}}""", finalizer.Body);

        h.Server.Subnets.Push("ADDED", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "13"));
        var subnet = await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/subnets/blue-a/status");
        Assert.Equal("10.1.1.1", subnet.Json["status"]!["gateway"]!.GetValue<string>());
        var bouncers = subnet.Json["status"]!["bouncers"]!.AsArray().Count;
        Assert.Equal(2, bouncers);

        h.Nodes.ResetCalls();
        h.Server.Endpoints.Push("ADDED", Kube.Endpoint("default", "web", "blue", "blue-a", "node-1", "14"));
        var endpoint = await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/namespaces/default/endpoints/web/status");
        var endpointStatus = endpoint.Json["status"]!;
        var ip = IPAddress.Parse(endpointStatus["ip"]!.GetValue<string>());
        Assert.True(ip.GetAddressBytes() is [10, 1, 1, > 1], ip.ToString());
        Assert.Equal("192.0.2.1", endpointStatus["host"]!.GetValue<string>());
        Assert.Equal("10.1.1.1", endpointStatus["gateway"]!.GetValue<string>());
        Assert.Equal(1 + bouncers, h.Nodes.TotalCalls);
        Assert.Equal(1, h.Nodes["node-1"].Calls["ProvisionEndpoint"]);
        Assert.True(h.Nodes["node-1"].Endpoints.ContainsKey("default.web"));
        await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/namespaces/default/endpoints/web");
    }

    [Fact]
    public async Task Watch_EndpointDeletionTimestamp_DeletedThenFinalizerRemoved()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);
        var web = Kube.Endpoint("default", "web", "blue", "blue-a", "node-1", "14", "mizarnf.io/cleanup");
        h.Server.Endpoints.Push("ADDED", web);
        await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/namespaces/default/endpoints/web/status");
        h.Nodes.ResetCalls();

        h.Server.Endpoints.Push("MODIFIED", Kube.Deleting(web, "20"));

        var removal = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/namespaces/default/endpoints/web" && r.Body.StartsWith('['));
        Assert.StartsWith("application/json-patch+json", removal.ContentType, StringComparison.Ordinal);
        Assert.Equal("""[{"op":"test","path":"/metadata/finalizers/0","value":"mizarnf.io/cleanup"},{"op":"remove","path":"/metadata/finalizers/0"}]""", removal.Body);
        Assert.Null(h.Operator.Store!.Get<Objects.Endpoint>("default.web"));
        Assert.Equal(1, h.Nodes["node-1"].Calls["DeleteEndpoint"]);
        Assert.False(h.Nodes["node-1"].Endpoints.ContainsKey("default.web"));
    }

    [Fact]
    public async Task Watch_VpcDeletedBeforeItsSubnet_WaitsThenDeletesAndRemovesOnlyOurFinalizer()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);

        var blue = Kube.Vpc("blue", "10.1.0.0/16", "30", null, "other.io/keep", "mizarnf.io/cleanup");
        h.Server.Vpcs.Push("MODIFIED", Kube.Deleting(blue, "31"));
        await Task.Delay(300);
        Assert.DoesNotContain(h.Server.Requests, r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/vpcs/blue" && r.Body.StartsWith('['));
        Assert.NotNull(h.Operator.Store!.Get<Vpc>("blue")); // it still has a subnet

        h.Server.Subnets.Push("DELETED", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "32"));

        var removal = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/vpcs/blue" && r.Body.StartsWith('['));
        Assert.Equal("""[{"op":"test","path":"/metadata/finalizers/1","value":"mizarnf.io/cleanup"},{"op":"remove","path":"/metadata/finalizers/1"}]""", removal.Body);
        Assert.Null(h.Operator.Store.Get<Vpc>("blue"));
        Assert.Null(h.Operator.Store.Get<Subnet>("blue-a"));
        Assert.DoesNotContain(h.Server.Requests, r => r.Path == "/apis/mizarnf.io/v1/subnets/blue-a" && r.Body.StartsWith('[')); // gone already: nothing to let go
    }

    [Fact]
    public async Task Watch_SubnetBeforeItsVpc_RefusedAsInvalidThenReadyWhenTheVpcArrives()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);

        h.Server.Subnets.Push("ADDED", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "13"));
        var invalid = await h.Server.WaitForAsync(r => r.Path == "/apis/mizarnf.io/v1/subnets/blue-a/status");
        Assert.Equal("False", Cluster.Ready(invalid)!["status"]!.GetValue<string>());
        Assert.Equal("Invalid", Cluster.Ready(invalid)!["reason"]!.GetValue<string>());

        h.Server.Vpcs.Push("ADDED", Kube.Vpc("blue", "10.1.0.0/16", "14"));
        await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/subnets/blue-a/status");
        Assert.True(h.Operator.Store!.Get<Subnet>("blue-a")!.IsReady);
    }

    [Fact]
    public async Task Resync_DeletionPendingOnUnreachableNode_FinishedOnceItIsBackThenFinalizerRemoved()
    {
        await using var h = await OperatorHarness.StartServerAsync(output, configure: o => o with { ResyncPeriod = TimeSpan.FromMilliseconds(300) });
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);
        var web = Kube.Endpoint("default", "web", "blue", "blue-a", "node-1", "14", "mizarnf.io/cleanup");
        h.Server.Endpoints.Push("ADDED", web);
        await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/namespaces/default/endpoints/web/status");
        h.Nodes["node-1"].Reachable = false;

        h.Server.Endpoints.Push("MODIFIED", Kube.Deleting(web, "20"));

        var pending = await h.Server.WaitForAsync(r => r.Path == "/apis/mizarnf.io/v1/namespaces/default/endpoints/web/status" && Cluster.Ready(r)?["status"]?.GetValue<string>() == "False");
        Assert.Equal("NodeUnreachable", Cluster.Ready(pending)!["reason"]!.GetValue<string>());
        Assert.DoesNotContain(h.Server.Requests, r => r.Path == "/apis/mizarnf.io/v1/namespaces/default/endpoints/web" && r.Body.StartsWith('['));

        h.Nodes["node-1"].Reachable = true;

        await h.Server.WaitForAsync(r => r.Path == "/apis/mizarnf.io/v1/namespaces/default/endpoints/web" && r.Body.StartsWith('['));
        Assert.Null(h.Operator.Store!.Get<Objects.Endpoint>("default.web"));
        Assert.False(h.Nodes["node-1"].Endpoints.ContainsKey("default.web"));
    }
}
