using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

public sealed class PlacementTests
{
    [Fact]
    public async Task ApplySubnets_SpreadsRolesOverLeastLoadedNodes()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(4);

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc"));
        var a = await cluster.Reconciler.ApplyAsync(Make.Subnet("a", "vpc", "10.0.0.0/24", bouncers: 2));
        var b = await cluster.Reconciler.ApplyAsync(Make.Subnet("b", "vpc", "10.0.1.0/24", bouncers: 2));
        var c = await cluster.Reconciler.ApplyAsync(Make.Subnet("c", "vpc", "10.0.2.0/24", bouncers: 3));

        Assert.Equal(["node-1"], vpc.Status.Dividers);
        Assert.Equal(["node-2", "node-3"], a.Status.Bouncers);
        Assert.Equal(["node-4", "node-1"], b.Status.Bouncers);
        Assert.Equal(["node-2", "node-3", "node-4"], c.Status.Bouncers);
    }

    [Fact]
    public async Task ApplySubnet_MoreBouncersThanNodes_PlacedOnAllAndProgrammed()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(3);
        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 5));

        var subnet = await cluster.Reconciler.ApplyAsync(Make.Subnet("s", "vpc", "10.0.0.0/24", bouncers: 8));

        Assert.Equal(3, vpc.Status.Dividers.Count);
        Assert.Equal(["node-1", "node-2", "node-3"], subnet.Status.Bouncers.Order());
        Assert.True(subnet.IsReady);
        foreach (var node in subnet.Status.Bouncers)
        {
            Assert.Single(cluster.Nodes[node].Entries(FunctionRequests.Bouncer, "subnet"));
            var divided = Assert.Single(cluster.Nodes[node].Entries(FunctionRequests.Divider, "subnet")).Value;
            Assert.Contains("\"bouncers\":[\"192.168.0.1\",\"192.168.0.2\",\"192.168.0.3\"]", divided, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApplySubnet_Bouncers_LearnTheVpcsDividers()
    {
        // A bouncer hands traffic for other subnets to a divider: it must know the VPC's dividers
        // even when it hosts no endpoint of that VPC itself.
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(3);
        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc"));

        var subnet = await cluster.Reconciler.ApplyAsync(Make.Subnet("s", "vpc", "10.0.0.0/24", bouncers: 2));

        foreach (var node in subnet.Status.Bouncers)
        {
            var entry = Assert.Single(cluster.Nodes[node].Entries("Endpoint", "vpc")).Value;
            Assert.Contains($"\"vni\":{vpc.Status.Vni}", entry, StringComparison.Ordinal);
            Assert.Contains("\"dividers\":[\"192.168.0.1\"]", entry, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApplyVpc_NoReadyNode_NotReadyUntilANodeJoins()
    {
        using var cluster = new TestCluster();

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc"));

        Assert.Equal("NoReadyNodes", Conditions.Find(vpc.Status.Conditions, Conditions.Ready)!.Reason);
        Assert.NotNull(vpc.Status.Vni);
        await cluster.AddNodesAsync(1);
        Assert.True((await cluster.Reconciler.ReconcileAllAsync()).AllReady);
        Assert.Equal(["node-1"], cluster.Store.Get<Vpc>("vpc")!.Status.Dividers);
    }

    [Fact]
    public async Task ApplySubnet_UnreachableNode_NotPlacedThere()
    {
        using var cluster = new TestCluster();
        cluster.Nodes["node-1"].Reachable = false;
        await cluster.AddNodesAsync(3);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 0));

        var subnet = await cluster.Reconciler.ApplyAsync(Make.Subnet("s", "vpc", "10.0.0.0/24", bouncers: 2));

        Assert.False(cluster.Store.Get<Node>("node-1")!.IsReady);
        Assert.Equal(["node-2", "node-3"], subnet.Status.Bouncers);
    }
}
