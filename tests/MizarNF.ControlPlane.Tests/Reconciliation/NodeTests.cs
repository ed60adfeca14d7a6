using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

public sealed class NodeTests
{
    [Fact]
    public async Task ApplyNode_Added_EveryNodeGetsFullPeerList()
    {
        using var cluster = new TestCluster();

        await cluster.AddNodesAsync(3);

        foreach (var name in new[] { "node-1", "node-2", "node-3" })
        {
            Assert.Equal(["192.168.0.1", "192.168.0.2", "192.168.0.3"], cluster.Nodes[name].Peers.Select(p => p.Ip));
            Assert.True(cluster.Store.Get<Node>(name)!.IsReady);
        }

        Assert.Equal("02:00:00:00:00:02", cluster.Nodes["node-1"].Peers[1].Mac);
    }

    [Fact]
    public async Task ApplyNode_Unchanged_NoCalls()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(3);
        cluster.Nodes.ResetCalls();

        await cluster.Reconciler.ApplyAsync(Make.Node(2));

        Assert.Equal(0, cluster.Nodes.TotalCalls);
    }

    [Fact]
    public async Task ApplyNode_MacChanged_PeersResentGenerationBumped()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(2);
        cluster.Nodes.ResetCalls();

        var changed = await cluster.Reconciler.ApplyAsync(Make.Node(2) with { Spec = Make.Node(2).Spec with { Mac = "02:00:00:00:00:99" } });

        Assert.Equal(2, changed.Metadata.Generation);
        Assert.Equal(2, cluster.Nodes.TotalCalls);
        Assert.Equal("02:00:00:00:00:99", cluster.Nodes["node-1"].Peers[1].Mac);
    }

    [Fact]
    public async Task DeleteNode_Idle_RemainingNodesForgetIt()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(3);

        Assert.True(await cluster.Reconciler.DeleteAsync("Node", "node-3"));

        Assert.Equal(["192.168.0.1", "192.168.0.2"], cluster.Nodes["node-1"].Peers.Select(p => p.Ip));
        Assert.Null(cluster.Store.Get<Node>("node-3"));
    }

    [Fact]
    public async Task ReconcileAll_NodeBackOnline_PeersResentAndReady()
    {
        using var cluster = new TestCluster();
        cluster.Nodes["node-2"].Reachable = false;
        await cluster.AddNodesAsync(2);
        Assert.Equal("NodeUnreachable", Conditions.Find(cluster.Store.Get<Node>("node-2")!.Status.Conditions, Conditions.Ready)!.Reason);

        cluster.Nodes["node-2"].Reachable = true;
        cluster.Nodes.ResetCalls();
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady);
        Assert.Equal(1, cluster.Nodes.TotalCalls);
        Assert.Equal(2, cluster.Nodes["node-2"].Peers.Count);
    }
}
