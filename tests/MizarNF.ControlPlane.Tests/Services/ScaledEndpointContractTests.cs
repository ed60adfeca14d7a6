using System.Text.Json;
using MizarNF.Contracts.Control;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.Functions.ScaledEndpoint;
using MizarNF.NodeApi.V1;
using static MizarNF.ControlPlane.Tests.Services.ServiceWorld;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using ServiceObject = MizarNF.ControlPlane.Objects.Service;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>
/// What the ServiceReconciler sends an owner is what the ScaledEndpoint plugin's control handler
/// takes: each request recorded by the simulated owner is applied to the real handler (over maps
/// in memory), which validates it whole and builds its Maglev tables.
/// </summary>
public sealed class ScaledEndpointContractTests
{
    [Fact]
    public async Task OwnerRequests_AppliedToTheControlHandler_TablesFollowTheService()
    {
        using var cluster = await ClusterAsync(nodes: 3);
        await cluster.Reconciler.ApplyAsync(Labelled("a", "node-2"));
        await cluster.Reconciler.ApplyAsync(Labelled("b", "node-3"));
        var spec = Service("web", clusterIp: "10.96.0.10", owners: 1, ports: [Port(80, 8080), Port(53, protocol: "UDP")]).Spec with
        {
            SessionAffinity = ServiceAffinity.ClientIp,
        };
        cluster.Nodes.ResetCalls();
        var service = await cluster.Reconciler.ApplyAsync(Service("web") with { Spec = spec });
        var owner = service.Status.Owners.Single();
        var handler = new ScaledEndpointControlHandler();
        handler.Bind(new MemoryMaps(new Dictionary<string, uint> { ["svc_maglev"] = 65536 }));

        Replay(cluster, owner, handler);
        var state = Services(handler);
        Assert.Equal(2, state.Count);
        var http = state.Single(s => s.GetProperty("port").GetInt32() == 80);
        Assert.Equal("tcp", http.GetProperty("protocol").GetString());
        Assert.Equal(["10.0.0.2:8080@192.168.0.2", "10.0.0.3:8080@192.168.0.3"], http.GetProperty("backends").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(ServiceAffinity.DefaultTimeoutSeconds, http.GetProperty("affinitySeconds").GetInt32());

        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.DeleteAsync(Endpoint.KindName, "a");
        Replay(cluster, owner, handler);
        Assert.Equal(["10.0.0.3:8080@192.168.0.3"], Services(handler).Single(s => s.GetProperty("port").GetInt32() == 80).GetProperty("backends").EnumerateArray().Select(b => b.GetString()));

        cluster.Nodes.ResetCalls();
        await cluster.Reconciler.DeleteAsync(ServiceObject.KindName, "web");
        Replay(cluster, owner, handler);
        Assert.Empty(Services(handler));
    }

    /// <summary>Applies the ScaledEndpoint requests <paramref name="owner"/> received, in order, to <paramref name="handler"/>.</summary>
    private static void Replay(TestCluster cluster, string owner, ScaledEndpointControlHandler handler)
    {
        var requests = cluster.Nodes.Log.Calls.Where(c => c.Node == owner && c.Request?.Function == FunctionRequests.ScaledEndpoint).Select(c => c.Request!).ToList();
        Assert.NotEmpty(requests);
        foreach (var r in requests)
        {
            var operation = r.Operation switch { Operation.Remove => ControlOperation.Remove, Operation.Replace => ControlOperation.Replace, _ => ControlOperation.Upsert };
            handler.Apply(new ControlRequest(operation, r.Kind, r.Json));
        }
    }

    private static List<JsonElement> Services(ScaledEndpointControlHandler handler) =>
        [.. JsonDocument.Parse(handler.DescribeState()).RootElement.GetProperty("services").EnumerateArray()];
}
