using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;

namespace MizarNF.ControlPlane.Tests.Services;

/// <summary>Services, endpoints with labels, and a look at what the simulated nodes hold.</summary>
internal static class ServiceWorld
{
    public const string ServiceCidr = "10.96.0.0/24";

    public static Service Service(
        string name,
        string vpc = "vpc",
        string? clusterIp = null,
        IReadOnlyDictionary<string, string>? selector = null,
        IReadOnlyList<string>? endpoints = null,
        int owners = 2,
        params ServicePort[] ports) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new ServiceSpec
        {
            Vpc = vpc,
            ClusterIp = clusterIp,
            Ports = ports.Length > 0 ? ports : [Port(80, 8080)],
            Selector = endpoints is null ? selector ?? new Dictionary<string, string> { ["app"] = "web" } : null,
            Endpoints = endpoints,
            Owners = owners,
        },
    };

    public static ServicePort Port(int port, int? target = null, string protocol = "TCP", string? name = null) =>
        new() { Port = port, TargetPort = target, Protocol = protocol, Name = name };

    public static Endpoint Labelled(string name, string node, string app = "web", string vpc = "vpc", string subnet = "sub") =>
        Make.Endpoint(name, vpc, subnet, node) with
        {
            Metadata = new ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["app"] = app, ["tier"] = "front" } },
        };

    /// <summary>A VPC "vpc" (10.0.0.0/16, service CIDR 10.96.0.0/24, <paramref name="dividers"/> dividers) and a subnet "sub" 10.0.0.0/22 on <paramref name="nodes"/> nodes.</summary>
    public static async Task<TestCluster> ClusterAsync(int nodes = 5, int dividers = 1, int bouncers = 1)
    {
        var cluster = new TestCluster();
        await cluster.AddNodesAsync(nodes);
        await cluster.Reconciler.ApplyAsync(Make.Vpc("vpc", dividers: dividers) with { Spec = new VpcSpec { Cidr = "10.0.0.0/16", Dividers = dividers, ServiceCidr = ServiceCidr } });
        await cluster.Reconciler.ApplyAsync(Make.Subnet("sub", "vpc", "10.0.0.0/22", bouncers));
        return cluster;
    }

    /// <summary>Nodes planted Ready straight into the store (adding hundreds through the reconciler sends each the growing peer list).</summary>
    public static void PlantReadyNodes(TestCluster cluster, int from, int to)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = from; i <= to; i++)
        {
            var node = Make.Node(i);
            cluster.Plant(node with
            {
                Metadata = node.Metadata with { Uid = Guid.NewGuid().ToString(), Generation = 1, CreationTimestamp = now },
                Status = new NodeStatus
                {
                    ObservedGeneration = 1,
                    Conditions = [new Condition(Conditions.Ready, Conditions.True, "PeersSet", "planted", now)],
                },
            });
        }
    }

    /// <summary>The ScaledEndpoint "service" entries a node holds, by key.</summary>
    public static IReadOnlyDictionary<string, string> Entries(TestCluster cluster, string node) =>
        cluster.Nodes[node].Entries(FunctionRequests.ScaledEndpoint, "service");

    /// <summary>The Divider "subnet" entries a node holds, by key.</summary>
    public static IReadOnlyDictionary<string, string> Routes(TestCluster cluster, string node) =>
        cluster.Nodes[node].Entries(FunctionRequests.Divider, "subnet");

    /// <summary>The ScaledEndpoint calls made so far, by node.</summary>
    public static IReadOnlyList<string> ScaledEndpointCalls(TestCluster cluster) =>
        [.. cluster.Nodes.Log.Calls.Where(c => c.Request?.Function == FunctionRequests.ScaledEndpoint).Select(c => c.Node).Order(StringComparer.Ordinal)];
}
