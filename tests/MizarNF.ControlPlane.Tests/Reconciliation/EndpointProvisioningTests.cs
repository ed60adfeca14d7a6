using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

public sealed class EndpointProvisioningTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    public async Task ApplyEndpoint_ManyPresent_OneCallToItsNodePlusOnePerBouncer(int present)
    {
        using var cluster = new TestCluster();
        var subnet = await cluster.AddSubnetAsync(nodes: 5, bouncers: 2);
        for (var i = 0; i < present; i++)
        {
            await cluster.Reconciler.ApplyAsync(Make.Endpoint($"e{i}", "vpc", "sub", $"node-{1 + (i % 5)}"));
        }

        cluster.Nodes.ResetCalls();
        var endpoint = await cluster.Reconciler.ApplyAsync(Make.Endpoint("new", "vpc", "sub", "node-4"));

        Assert.True(endpoint.IsReady);
        Assert.Equal(1 + subnet.Status.Bouncers.Count, cluster.Nodes.TotalCalls);
        Assert.Equal(1, cluster.Nodes["node-4"].Calls.GetValueOrDefault("ProvisionEndpoint"));
        foreach (var bouncer in subnet.Status.Bouncers)
        {
            Assert.Equal(1, cluster.Nodes[bouncer].Calls.GetValueOrDefault("ProgramFunction"));
        }
    }

    [Fact]
    public async Task ApplyEndpoint_New_StatusAndNodeTablesFilled()
    {
        using var cluster = new TestCluster();
        var subnet = await cluster.AddSubnetAsync(nodes: 3, bouncers: 2);
        var vpc = cluster.Store.Get<Vpc>("vpc")!;

        var endpoint = await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-3"));

        Assert.Equal("10.0.0.2", endpoint.Status.Ip);
        Assert.Equal("02:4d:0a:00:00:02", endpoint.Status.Mac);
        Assert.Equal("10.0.0.1", endpoint.Status.Gateway);
        Assert.Equal("192.168.0.3", endpoint.Status.Host);
        Assert.NotNull(endpoint.Status.ProvisionedIn);
        Assert.Equal("Programmed", Conditions.Find(endpoint.Status.Conditions, Conditions.Ready)!.Reason);
        var onNode = cluster.Nodes["node-3"].Endpoints["web"];
        Assert.Equal(vpc.Status.Vni, onNode.Vni);
        Assert.Equal(22u, onNode.PrefixLength);
        Assert.Equal("02:4d:0a:00:00:02", onNode.Mac);
        Assert.Equal(subnet.Status.Bouncers.Select(b => cluster.Store.Get<Node>(b)!.Spec.Address), onNode.SubnetBouncers);
        Assert.Equal(vpc.Status.Dividers.Select(d => cluster.Store.Get<Node>(d)!.Spec.Address), onNode.VpcDividers);
        foreach (var bouncer in subnet.Status.Bouncers)
        {
            Assert.Contains($"{vpc.Status.Vni}/10.0.0.2", cluster.Nodes[bouncer].Entries(FunctionRequests.Bouncer, "endpoint").Keys);
        }
    }

    [Fact]
    public async Task ApplyEndpoint_Twice_NoNewCalls()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        var first = await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));
        cluster.Nodes.ResetCalls();

        var second = await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));

        Assert.Equal(0, cluster.Nodes.TotalCalls);
        Assert.Equal(first.Status.Ip, second.Status.Ip);
        Assert.Equal(1, second.Metadata.Generation);
        Assert.Equal(first.Metadata.Uid, second.Metadata.Uid);
    }

    [Fact]
    public async Task ApplyEndpoint_FixedIp_Honoured()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();

        var endpoint = await cluster.Reconciler.ApplyAsync(Make.Endpoint("db", "vpc", "sub", "node-1", "10.0.3.200"));

        Assert.Equal("10.0.3.200", endpoint.Status.Ip);
        Assert.Equal("02:4d:0a:00:03:c8", endpoint.Status.Mac);
    }

    [Fact]
    public async Task ApplyEndpoint_NodeUnreachable_StoredNotReadyThenRetried()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        cluster.Nodes["node-2"].Reachable = false;

        var failed = await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-2"));

        var ready = Conditions.Find(failed.Status.Conditions, Conditions.Ready)!;
        Assert.Equal(("False", "NodeUnreachable"), (ready.Status, ready.Reason));
        Assert.Contains("ProvisionEndpoint web on node 'node-2' failed: Unavailable", ready.Message, StringComparison.Ordinal);
        Assert.False(cluster.Store.Get<Endpoint>("web")!.IsReady);

        cluster.Nodes["node-2"].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Equal(failed.Status.Ip, cluster.Store.Get<Endpoint>("web")!.Status.Ip);
        Assert.True(cluster.Nodes["node-2"].Endpoints.ContainsKey("web"));
    }

    [Fact]
    public async Task ApplyEndpoint_SubnetNotReady_WaitsThenProvisioned()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(1);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 0));
        cluster.Nodes["node-1"].Reachable = false;
        await cluster.Reconciler.ApplyAsync(Make.Subnet("sub", "vpc", "10.0.0.0/24"));

        var waiting = await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));

        Assert.Equal("SubnetNotReady", Conditions.Find(waiting.Status.Conditions, Conditions.Ready)!.Reason);
        cluster.Nodes["node-1"].Reachable = true;
        Assert.True((await cluster.Reconciler.ReconcileAllAsync()).AllReady);
        Assert.True(cluster.Store.Get<Endpoint>("web")!.IsReady);
    }
}
