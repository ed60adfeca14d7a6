using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi.V1;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

/// <summary>
/// A VPC's divider count changes while it has subnets and endpoints, make-before-break: new
/// dividers learn every subnet, then every node sending to the dividers learns the new list, and
/// only then do the dropped dividers forget the subnets.
/// </summary>
public sealed class DividerScalingTests
{
    private const string SubnetA = "10.0.0.0/24";
    private const string SubnetB = "10.0.1.0/24";

    [Fact]
    public async Task ApplyVpc_OneToThreeDividers_NewDividersProgrammedBeforeNodesAreTold()
    {
        using var cluster = await ClusterAsync(dividers: 1);

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3));

        Assert.True(vpc.IsReady);
        Assert.Equal(["node-1", "node-5", "node-6"], vpc.Status.Dividers);
        Assert.Empty(vpc.Status.RetiringDividers);
        foreach (var divider in vpc.Status.Dividers)
        {
            AssertDividesAll(cluster, divider);
        }

        var calls = cluster.Nodes.Log.Calls;
        var told = calls.Where(IsVpcUpsert).Select(c => c.Node).Order().ToList();
        Assert.Equal(Senders(cluster), told);
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1", "192.168.0.5", "192.168.0.6");
        }

        AssertAllBefore(calls, IsDividerUpsert, IsVpcUpsert);
        Assert.Equal(2 * 2, calls.Count(IsDividerUpsert)); // two new dividers, two subnets
        Assert.DoesNotContain(calls, IsDividerRemove);
        Assert.Equal(0, cluster.Nodes["node-1"].TotalCalls); // kept: it divides already
    }

    [Fact]
    public async Task ApplyVpc_ThreeToOneDivider_DroppedForgetSubnetsOnlyAfterNodesAreTold()
    {
        using var cluster = await ClusterAsync(dividers: 3);
        Assert.Equal(["node-1", "node-2", "node-3"], cluster.Store.Get<Vpc>("vpc")!.Status.Dividers);

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 1));

        Assert.True(vpc.IsReady);
        Assert.Equal(["node-1"], vpc.Status.Dividers);
        Assert.Empty(vpc.Status.RetiringDividers);
        AssertDividesAll(cluster, "node-1");
        Assert.Empty(cluster.Nodes["node-2"].Entries(FunctionRequests.Divider, "subnet"));
        Assert.Empty(cluster.Nodes["node-3"].Entries(FunctionRequests.Divider, "subnet"));
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1");
        }

        var calls = cluster.Nodes.Log.Calls;
        AssertAllBefore(calls, IsVpcUpsert, IsDividerRemove);
        Assert.Equal(["node-2", "node-2", "node-3", "node-3"], calls.Where(IsDividerRemove).Select(c => c.Node).Order());
        Assert.DoesNotContain(calls, IsDividerUpsert);
    }

    [Fact]
    public async Task ApplyVpc_NewDividerUnreachable_RolledBackThenConvergedByReconcileAll()
    {
        using var cluster = await ClusterAsync(dividers: 1);
        cluster.Nodes["node-5"].Reachable = false; // still Ready in the store: it is placed on

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3));

        Assert.False(vpc.IsReady);
        Assert.Equal("NodeUnreachable", Conditions.Find(vpc.Status.Conditions, Conditions.Ready)!.Reason);
        Assert.Equal(["node-1"], vpc.Status.Dividers); // nodes (and new endpoints) keep the divider that divides
        Assert.DoesNotContain(cluster.Nodes.Log.Calls, IsVpcUpsert);
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1");
        }

        var late = await cluster.Reconciler.ApplyAsync(Make.Endpoint("late", "vpc", "a", "node-7"));
        Assert.True(late.IsReady);
        Assert.Equal(["192.168.0.1"], cluster.Nodes["node-7"].Endpoints["late"].VpcDividers);

        cluster.Nodes["node-5"].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        vpc = cluster.Store.Get<Vpc>("vpc")!;
        Assert.Equal(["node-1", "node-5", "node-6"], vpc.Status.Dividers);
        Assert.Empty(vpc.Status.RetiringDividers);
        AssertDividesAll(cluster, "node-5");
        AssertDividesAll(cluster, "node-6");
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1", "192.168.0.5", "192.168.0.6");
        }
    }

    [Fact]
    public async Task ApplyVpc_SenderUnreachableWhileScalingDown_DroppedKeepSubnetsUntilItIsTold()
    {
        using var cluster = await ClusterAsync(dividers: 3);
        cluster.Nodes["node-7"].Reachable = false; // hosts endpoints

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 1));

        Assert.False(vpc.IsReady);
        Assert.Equal("NodeUnreachable", Conditions.Find(vpc.Status.Conditions, Conditions.Ready)!.Reason);
        Assert.Equal(["node-1"], vpc.Status.Dividers);
        Assert.Equal(["node-2", "node-3"], vpc.Status.RetiringDividers);
        Assert.DoesNotContain(cluster.Nodes.Log.Calls, IsDividerRemove);
        AssertDividesAll(cluster, "node-2"); // node-7 still sends to it
        AssertDividesAll(cluster, "node-3");
        await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.DeleteAsync("Node", "node-3"));

        cluster.Nodes["node-7"].Reachable = true;
        cluster.Nodes.ResetCalls();
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Empty(cluster.Store.Get<Vpc>("vpc")!.Status.RetiringDividers);
        AssertTold(cluster, "node-7", "192.168.0.1");
        Assert.Empty(cluster.Nodes["node-2"].Entries(FunctionRequests.Divider, "subnet"));
        Assert.Empty(cluster.Nodes["node-3"].Entries(FunctionRequests.Divider, "subnet"));
        AssertAllBefore(cluster.Nodes.Log.Calls, IsVpcUpsert, IsDividerRemove);
    }

    [Fact]
    public async Task ApplyVpc_RetiringDividerUnreachable_ForgetsSubnetsOnReconcileAll()
    {
        using var cluster = await ClusterAsync(dividers: 3);
        cluster.Nodes["node-3"].Reachable = false;

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 1));

        Assert.False(vpc.IsReady);
        Assert.Equal(["node-1"], vpc.Status.Dividers);
        Assert.Equal(["node-3"], vpc.Status.RetiringDividers);
        Assert.Empty(cluster.Nodes["node-2"].Entries(FunctionRequests.Divider, "subnet"));
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1");
        }

        cluster.Nodes["node-3"].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Empty(cluster.Store.Get<Vpc>("vpc")!.Status.RetiringDividers);
        Assert.Empty(cluster.Nodes["node-3"].Entries(FunctionRequests.Divider, "subnet"));
        Assert.True(await cluster.Reconciler.DeleteAsync("Node", "node-3"));
    }

    [Fact]
    public async Task DeleteSubnet_WhileADividerRetires_RemovedFromItToo()
    {
        using var cluster = await ClusterAsync(dividers: 3);
        cluster.Nodes["node-3"].Reachable = false;
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 1));
        Assert.True(await cluster.Reconciler.DeleteAsync("Endpoint", "a1"));

        Assert.False(await cluster.Reconciler.DeleteAsync("Subnet", "a")); // node-3 may still hold it

        cluster.Nodes["node-3"].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Null(cluster.Store.Get<Subnet>("a"));
        Assert.Empty(cluster.Nodes["node-3"].Entries(FunctionRequests.Divider, "subnet"));
        Assert.Equal([$"{Vni(cluster)}/{SubnetB}"], cluster.Nodes["node-1"].Entries(FunctionRequests.Divider, "subnet").Keys);
    }

    [Fact]
    public async Task ReconcileAll_CrashedAfterPlacementStored_FinishesTheHandover()
    {
        using var cluster = await ClusterAsync(dividers: 1);
        var stored = cluster.Store.Get<Vpc>("vpc")!;
        cluster.Plant(stored with
        {
            Spec = stored.Spec with { Dividers = 3 },
            Metadata = stored.Metadata with { Generation = stored.Metadata.Generation + 1 },
            Status = stored.Status with
            {
                Dividers = ["node-1", "node-5", "node-6"],
                ObservedGeneration = stored.Metadata.Generation + 1,
                Conditions = [new Condition(Conditions.Ready, Conditions.False, "Programming", "dividers placed, calls not made", DateTimeOffset.UnixEpoch)],
            },
        });
        cluster.Restart();

        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        AssertDividesAll(cluster, "node-5");
        AssertDividesAll(cluster, "node-6");
        foreach (var node in Senders(cluster))
        {
            AssertTold(cluster, node, "192.168.0.1", "192.168.0.5", "192.168.0.6");
        }
    }

    [Fact]
    public async Task ApplyVpc_SameDividersAgain_NoCalls()
    {
        using var cluster = await ClusterAsync(dividers: 1);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3));
        cluster.Nodes.ResetCalls();

        var vpc = await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3));
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(vpc.IsReady);
        Assert.Equal((0, 0), (report.Retried, cluster.Nodes.TotalCalls));
    }

    [Fact]
    public async Task ApplyVpc_CidrAndDividersChangedWithSubnets_RefusedNothingChanged()
    {
        using var cluster = await ClusterAsync(dividers: 1);
        var before = cluster.Snapshot();

        var e = await Assert.ThrowsAsync<ControlPlaneValidationException>(() => cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", "10.0.0.0/8", dividers: 3)));

        Assert.Equal("Vpc 'vpc': spec.cidr cannot change from 10.0.0.0/16 to 10.0.0.0/8 while it has subnets (a, b); delete them first", e.Message);
        Assert.Equal(before, cluster.Snapshot());
        Assert.Equal(0, cluster.Nodes.TotalCalls);
    }

    [Fact]
    public async Task ApplyEndpoint_AfterScaling_ProvisionedWithTheNewDividers()
    {
        using var cluster = await ClusterAsync(dividers: 1);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3));
        cluster.Nodes.ResetCalls();

        var endpoint = await cluster.Reconciler.ApplyAsync(Make.Endpoint("new", "vpc", "a", "node-1"));

        Assert.True(endpoint.IsReady);
        Assert.Equal(["192.168.0.1", "192.168.0.5", "192.168.0.6"], cluster.Nodes["node-1"].Endpoints["new"].VpcDividers);
        Assert.Equal(1 + 1, cluster.Nodes.TotalCalls); // the node's one call, the bouncer's one
    }

    [Fact]
    public async Task ReconcileAll_EndpointProvisionedBeforeScaling_RetriedWithoutConflict()
    {
        // A node keeps the dividers an endpoint was provisioned with as part of the endpoint: a
        // retry must send the same ones (another list is a conflicting spec), the new ones follow.
        using var cluster = await ClusterAsync(dividers: 1);
        var bouncer = cluster.Store.Get<Subnet>("a")!.Status.Bouncers[0];
        cluster.Nodes[bouncer].Reachable = false;
        var late = await cluster.Reconciler.ApplyAsync(Make.Endpoint("late", "vpc", "a", "node-7"));
        Assert.False(late.IsReady);
        cluster.Nodes[bouncer].Reachable = true;
        Assert.True((await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: 3))).IsReady);

        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Equal(["192.168.0.1"], cluster.Nodes["node-7"].Endpoints["late"].VpcDividers);
        AssertTold(cluster, "node-7", "192.168.0.1", "192.168.0.5", "192.168.0.6");
    }

    /// <summary>
    /// Seven nodes; VPC "vpc" (10.0.0.0/16) with <paramref name="dividers"/> dividers; subnets "a"
    /// (one bouncer) and "b" (two); endpoints "a1" and "b1" on node-7 and "b2" on a's bouncer; call
    /// counts and log reset.
    /// </summary>
    private static async Task<TestCluster> ClusterAsync(int dividers)
    {
        var cluster = new TestCluster();
        try
        {
            await cluster.AddNodesAsync(7);
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: dividers))).IsReady);
            var a = await cluster.Reconciler.ApplyAsync(Make.Subnet("a", "vpc", SubnetA));
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Subnet("b", "vpc", SubnetB, bouncers: 2))).IsReady);
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Endpoint("a1", "vpc", "a", "node-7"))).IsReady);
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Endpoint("b1", "vpc", "b", "node-7"))).IsReady);
            Assert.True((await cluster.Reconciler.ApplyAsync(Make.Endpoint("b2", "vpc", "b", a.Status.Bouncers[0]))).IsReady);
            cluster.Nodes.ResetCalls();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private static uint Vni(TestCluster cluster) => cluster.Store.Get<Vpc>("vpc")!.Status.Vni!.Value;

    /// <summary>The nodes that send to the dividers: the subnets' bouncers and the endpoints' nodes.</summary>
    private static List<string> Senders(TestCluster cluster) =>
    [
        .. cluster.Store.List<Subnet>().SelectMany(s => s.Status.Bouncers)
            .Concat(cluster.Store.List<Endpoint>().Select(e => e.Spec.Node))
            .Distinct()
            .Order(),
    ];

    private static void AssertDividesAll(TestCluster cluster, string node)
    {
        var vni = Vni(cluster);
        Assert.Equal([$"{vni}/{SubnetA}", $"{vni}/{SubnetB}"], cluster.Nodes[node].Entries(FunctionRequests.Divider, "subnet").Keys.Order());
    }

    private static void AssertTold(TestCluster cluster, string node, params string[] dividers)
    {
        var entry = Assert.Single(cluster.Nodes[node].Entries(FunctionRequests.Endpoint, "vpc")).Value;
        Assert.Contains($"\"dividers\":[{string.Join(",", dividers.Select(d => $"\"{d}\""))}]", entry, StringComparison.Ordinal);
    }

    /// <summary>Every call matching <paramref name="first"/> took effect before any matching <paramref name="then"/> (both happened).</summary>
    private static void AssertAllBefore(IReadOnlyList<SimulatedCall> calls, Func<SimulatedCall, bool> first, Func<SimulatedCall, bool> then)
    {
        var lastFirst = calls.ToList().FindLastIndex(c => first(c));
        var firstThen = calls.ToList().FindIndex(c => then(c));
        Assert.True(lastFirst >= 0 && firstThen > lastFirst, "calls in order:\n" + string.Join("\n", calls));
    }

    private static bool IsDividerUpsert(SimulatedCall call) => call.Is(FunctionRequests.Divider, "subnet", Operation.Upsert);

    private static bool IsDividerRemove(SimulatedCall call) => call.Is(FunctionRequests.Divider, "subnet", Operation.Remove);

    private static bool IsVpcUpsert(SimulatedCall call) => call.Is(FunctionRequests.Endpoint, "vpc", Operation.Upsert);
}
