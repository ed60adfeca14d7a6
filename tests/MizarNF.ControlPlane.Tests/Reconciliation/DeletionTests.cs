using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

public sealed class DeletionTests
{
    [Fact]
    public async Task DeleteEndpoint_Provisioned_UnprogrammedAndIpReleased()
    {
        using var cluster = new TestCluster();
        var subnet = await cluster.AddSubnetAsync(bouncers: 2);
        var vni = cluster.Store.Get<Vpc>("vpc")!.Status.Vni;
        var doomed = await cluster.Reconciler.ApplyAsync(Make.Endpoint("doomed", "vpc", "sub", "node-1"));
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("stays", "vpc", "sub", "node-1"));
        cluster.Nodes.ResetCalls();

        Assert.True(await cluster.Reconciler.DeleteAsync("Endpoint", "doomed"));

        Assert.Equal(1 + 2, cluster.Nodes.TotalCalls);
        Assert.Null(cluster.Store.Get<Endpoint>("doomed"));
        Assert.False(cluster.Nodes["node-1"].Endpoints.ContainsKey("doomed"));
        Assert.True(cluster.Nodes["node-1"].Endpoints.ContainsKey("stays"));
        foreach (var bouncer in subnet.Status.Bouncers)
        {
            Assert.DoesNotContain($"{vni}/{doomed.Status.Ip}", cluster.Nodes[bouncer].Entries(FunctionRequests.Bouncer, "endpoint").Keys);
        }

        var reuse = await cluster.Reconciler.ApplyAsync(Make.Endpoint("next", "vpc", "sub", "node-2"));
        Assert.Equal(doomed.Status.Ip, reuse.Status.Ip);
    }

    [Fact]
    public async Task DeleteEndpoint_NodeUnreachable_PendingThenFinishedByReconcileAll()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        var doomed = await cluster.Reconciler.ApplyAsync(Make.Endpoint("doomed", "vpc", "sub", "node-2"));
        cluster.Nodes["node-2"].Reachable = false;

        Assert.False(await cluster.Reconciler.DeleteAsync("endpoint", "doomed"));

        var pending = cluster.Store.Get<Endpoint>("doomed")!;
        Assert.NotNull(pending.Metadata.DeletionTimestamp);
        Assert.Equal("NodeUnreachable", Conditions.Find(pending.Status.Conditions, Conditions.Ready)!.Reason);
        var other = await cluster.Reconciler.ApplyAsync(Make.Endpoint("other", "vpc", "sub", "node-1"));
        Assert.NotEqual(doomed.Status.Ip, other.Status.Ip); // still reserved while the node may hold it
        await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.ApplyAsync(Make.Endpoint("doomed", "vpc", "sub", "node-2")));

        cluster.Nodes["node-2"].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady);
        Assert.Null(cluster.Store.Get<Endpoint>("doomed"));
        Assert.False(cluster.Nodes["node-2"].Endpoints.ContainsKey("doomed"));
    }

    [Fact]
    public async Task DeleteSubnet_WithEndpoints_RefusedNothingChanged()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));
        var before = cluster.Snapshot();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync("Subnet", "sub"));

        Assert.Equal("Subnet 'sub' cannot be deleted: it still has endpoints (web)", e.Message);
        Assert.Equal(before, cluster.Snapshot());
    }

    [Fact]
    public async Task DeleteVpc_WithSubnets_Refused()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync("Vpc", "vpc"));

        Assert.Equal("Vpc 'vpc' cannot be deleted: it still has subnets (sub)", e.Message);
    }

    [Fact]
    public async Task DeleteNode_HoldingRoles_Refused()
    {
        using var cluster = new TestCluster();
        var subnet = await cluster.AddSubnetAsync();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync("Node", subnet.Status.Bouncers[0]));

        Assert.Contains("bouncer of subnet 'sub'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteSubnetThenVpc_Empty_UnprogrammedAndGone()
    {
        using var cluster = new TestCluster();
        var subnet = await cluster.AddSubnetAsync(bouncers: 2);
        var vpc = cluster.Store.Get<Vpc>("vpc")!;
        cluster.Nodes.ResetCalls();

        Assert.True(await cluster.Reconciler.DeleteAsync("Subnet", "sub"));
        Assert.True(await cluster.Reconciler.DeleteAsync("Vpc", "vpc"));

        Assert.Equal(2 + vpc.Status.Dividers.Count, cluster.Nodes.TotalCalls);
        Assert.All(subnet.Status.Bouncers, b => Assert.Empty(cluster.Nodes[b].Entries(FunctionRequests.Bouncer, "subnet")));
        Assert.All(vpc.Status.Dividers, d => Assert.Empty(cluster.Nodes[d].Entries(FunctionRequests.Divider, "subnet")));
        Assert.Empty(cluster.Store.List<Subnet>());
        Assert.Empty(cluster.Store.List<Vpc>());
    }

    [Fact]
    public async Task Delete_Absent_SucceedsWithoutCalls()
    {
        using var cluster = new TestCluster();

        Assert.True(await cluster.Reconciler.DeleteAsync("Endpoint", "never"));
        await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync("Router", "x"));
    }
}
