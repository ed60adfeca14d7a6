using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Tests.Reconciliation;

/// <summary>A new control plane over the same store directory resumes where the last one stopped.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task ReconcileAll_CrashedMidProvisioning_ConvergesWithoutDuplicates()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync(bouncers: 2);
        for (var i = 0; i < 3; i++)
        {
            await cluster.Reconciler.ApplyAsync(Make.Endpoint($"e{i}", "vpc", "sub", "node-1"));
        }

        // Leftovers of a crash: one endpoint stored with its spec only, one with an address but no node call yet.
        cluster.Plant(
            Make.Endpoint("spec-only", "vpc", "sub", "node-2") with { Metadata = new ObjectMeta { Name = "spec-only", Generation = 1 } },
            Make.Endpoint("half-done", "vpc", "sub", "node-3") with
            {
                Metadata = new ObjectMeta { Name = "half-done", Generation = 1 },
                Status = new EndpointStatus { Ip = "10.0.0.9" },
            });
        cluster.Restart();
        cluster.Nodes.ResetCalls();

        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Equal(2, report.Retried);
        var ips = cluster.Store.List<Endpoint>().Select(e => e.Status.Ip).ToList();
        Assert.Equal(ips.Count, ips.Distinct().Count());
        Assert.Equal("10.0.0.9", cluster.Store.Get<Endpoint>("half-done")!.Status.Ip);
        Assert.Equal("10.0.0.5", cluster.Store.Get<Endpoint>("spec-only")!.Status.Ip); // lowest free: .2-.4 and .9 are held
        Assert.Equal(2 * (1 + 2), cluster.Nodes.TotalCalls);
    }

    [Fact]
    public async Task ReconcileAll_AfterRestartEverythingConverged_NoCalls()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));
        cluster.Restart();
        cluster.Nodes.ResetCalls();

        var report = await cluster.Reconciler.ReconcileAllAsync();
        await cluster.Reconciler.ApplyAsync(Make.Endpoint("web", "vpc", "sub", "node-1"));
        await cluster.Reconciler.ApplyAsync(Make.Subnet("sub", "vpc", "10.0.0.0/22"));

        Assert.Equal((6, 0), (report.Objects, report.Retried));
        Assert.Equal(0, cluster.Nodes.TotalCalls);
    }

    [Fact]
    public async Task ApplyVpc_AfterRestart_NoDuplicateVni()
    {
        using var cluster = new TestCluster();
        await cluster.AddNodesAsync(1);
        var first = await cluster.Reconciler.ApplyAsync(Make.Vpc("a"));
        cluster.Restart();

        var second = await cluster.Reconciler.ApplyAsync(Make.Vpc("b"));

        Assert.NotEqual(first.Status.Vni, second.Status.Vni);
        Assert.Equal(first.Status.Vni, cluster.Store.Get<Vpc>("a")!.Status.Vni);
    }

    [Fact]
    public async Task ApplyEndpoint_AfterRestart_NextFreeIp()
    {
        using var cluster = new TestCluster();
        await cluster.AddSubnetAsync();
        var first = await cluster.Reconciler.ApplyAsync(Make.Endpoint("a", "vpc", "sub", "node-1"));
        cluster.Restart();

        var second = await cluster.Reconciler.ApplyAsync(Make.Endpoint("b", "vpc", "sub", "node-1"));

        Assert.Equal(("10.0.0.2", "10.0.0.3"), (first.Status.Ip, second.Status.Ip));
    }
}
