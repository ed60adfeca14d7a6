using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using static MizarNF.ControlPlane.Tests.Services.ServiceWorld;
using ServiceObject = MizarNF.ControlPlane.Objects.Service;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>A new control plane over the same store finishes half-done services without allocating or placing twice.</summary>
public sealed class ServiceRestartTests
{
    [Fact]
    public async Task ReconcileAll_CrashedMidService_ConvergesWithoutDuplicates()
    {
        using var cluster = await ClusterAsync(nodes: 4, dividers: 2);
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-3"));
        var done = await cluster.Reconciler.ApplyAsync(Service("done"));

        // Leftovers of a crash: a service stored with its spec only, one with its ClusterIP and owners but no call made.
        var specOnly = Service("spec-only");
        var halfDone = Service("half-done");
        cluster.Plant(
            specOnly with { Metadata = specOnly.Metadata with { Generation = 1 } },
            halfDone with
            {
                Metadata = halfDone.Metadata with { Generation = 1 },
                Status = new ServiceStatus { ClusterIp = "10.96.0.9", Owners = ["node-4", "node-2"] },
            });
        cluster.Restart();
        cluster.Nodes.ResetCalls();

        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Equal(2, report.Retried);
        var services = cluster.Store.List<ServiceObject>();
        Assert.Equal(services.Count, services.Select(s => s.Status.ClusterIp).Distinct().Count());
        Assert.Equal("10.96.0.9", cluster.Store.Get<ServiceObject>("half-done")!.Status.ClusterIp);
        Assert.Equal(["node-4", "node-2"], cluster.Store.Get<ServiceObject>("half-done")!.Status.Owners);
        Assert.Equal("10.96.0.2", cluster.Store.Get<ServiceObject>("spec-only")!.Status.ClusterIp); // .1 is done's
        Assert.Equal(done.Status.ClusterIp, cluster.Store.Get<ServiceObject>("done")!.Status.ClusterIp);
        Assert.Equal(2 * (2 + 2), cluster.Nodes.TotalCalls); // two services, each two owners and two dividers
        Assert.Equal(3, cluster.Nodes.Nodes.Values.Sum(n => n.Entries(FunctionRequests.ScaledEndpoint, "service").Count) / 2);

        cluster.Nodes.ResetCalls();
        Assert.Equal(0, (await cluster.Reconciler.ReconcileAllAsync()).Retried);
        Assert.Equal(0, cluster.Nodes.TotalCalls);
    }

    [Fact]
    public async Task ReconcileAll_OwnerMissedABackendChange_ConvergesAfterRestart()
    {
        using var cluster = await ClusterAsync(nodes: 3);
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-1"));
        var service = await cluster.Reconciler.ApplyAsync(Service("web", owners: 1));
        var owner = service.Status.Owners.Single();
        var vni = cluster.Store.Get<Vpc>("vpc")!.Status.Vni;
        cluster.Nodes[owner].Reachable = false;

        var endpoint = await cluster.Reconciler.ApplyAsync(Labelled("b", owner == "node-2" ? "node-3" : "node-2"));

        Assert.True(endpoint.IsReady); // the endpoint itself is fine
        var missed = cluster.Store.Get<ServiceObject>("web")!;
        Assert.Equal("NodeUnreachable", Conditions.Find(missed.Status.Conditions, Conditions.Ready)!.Reason);
        Assert.DoesNotContain(endpoint.Status.Ip!, Entries(cluster, owner)[$"{vni}/{service.Status.ClusterIp}:80/tcp"], StringComparison.Ordinal);

        cluster.Restart();
        cluster.Nodes[owner].Reachable = true;
        var report = await cluster.Reconciler.ReconcileAllAsync();

        Assert.True(report.AllReady, string.Join("\n", report.NotReady));
        Assert.Contains(endpoint.Status.Ip!, Entries(cluster, owner)[$"{vni}/{service.Status.ClusterIp}:80/tcp"], StringComparison.Ordinal);
        Assert.Equal(["a", "b"], cluster.Store.Get<ServiceObject>("web")!.Status.Backends.Select(b => b.Endpoint));
    }

    [Fact]
    public async Task ApplyService_AfterRestart_NextFreeClusterIp()
    {
        using var cluster = await ClusterAsync();
        var first = await cluster.Reconciler.ApplyAsync(Service("a"));
        cluster.Restart();

        var second = await cluster.Reconciler.ApplyAsync(Service("b"));

        Assert.Equal(("10.96.0.1", "10.96.0.2"), (first.Status.ClusterIp, second.Status.ClusterIp));
    }
}
