using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Steps shared by the operator tests.</summary>
internal static class Cluster
{
    /// <summary>Streams node-1 (192.0.2.1) and node-2 (192.0.2.2) and waits until both are Ready.</summary>
    public static async Task AddNodesAsync(OperatorHarness h)
    {
        h.Server.Nodes.Push("ADDED", Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "11"));
        h.Server.Nodes.Push("ADDED", Kube.Node("node-2", "192.0.2.2", "02:00:00:00:00:02", "11"));
        await OperatorHarness.UntilAsync(() => h.Operator.Store?.List<Node>().Count(n => n.IsReady) == 2, "two Ready nodes");
    }

    /// <summary>Streams VPC "blue" (10.1.0.0/16) and subnet "blue-a" (10.1.1.0/24, 2 bouncers: both nodes) and waits until both are Ready.</summary>
    public static async Task AddVpcSubnetAsync(OperatorHarness h)
    {
        h.Server.Vpcs.Push("ADDED", Kube.Vpc("blue", "10.1.0.0/16", "12", null, "mizarnf.io/cleanup"));
        h.Server.Subnets.Push("ADDED", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "13", "mizarnf.io/cleanup"));
        await ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/subnets/blue-a/status");
    }

    /// <summary>The first status PATCH to <paramref name="path"/> that says Ready=True.</summary>
    public static Task<RecordedRequest> ReadyStatusAsync(FakeApiServer server, string path) =>
        server.WaitForAsync(r => r.Method == "PATCH" && r.Path == path && Ready(r)?["status"]?.GetValue<string>() == "True");

    /// <summary>The Ready condition of a status patch.</summary>
    public static JsonNode? Ready(RecordedRequest patch) =>
        patch.Json["status"]?["conditions"]?.AsArray().FirstOrDefault(c => c?["type"]?.GetValue<string>() == "Ready");
}
