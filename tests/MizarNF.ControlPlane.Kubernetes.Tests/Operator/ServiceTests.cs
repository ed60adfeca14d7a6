using System.Text.Json;
using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using Xunit.Abstractions;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using Service = MizarNF.ControlPlane.Objects.Service;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Core Services and their EndpointSlices become MizarNF services; a backend change re-programs the owners and nothing else.</summary>
public sealed class ServiceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Watch_ServiceAndSlices_OwnersFollowReadinessOnly()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        var (a, b) = await PodsAsync(h);

        h.Server.EndpointSlices.Push("ADDED", KubeServices.Slice("shop", "web-x1", "web", "40", ("web-0", a.Status.Ip!, "node-1", true), ("web-1", b.Status.Ip!, "node-2", null)));
        h.Server.Services.Push("ADDED", KubeServices.Service("shop", "web", "10.96.0.10", "41", "blue"));
        var service = await ReadyAsync(h, "shop.web", s => s.Status.Backends.Count == 2);

        Assert.Equal("10.96.0.10", service.Status.ClusterIp);
        Assert.Equal(["shop.web-0", "shop.web-1"], service.Spec.Endpoints);
        Assert.Equal([new ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" }, new ServicePort { Name = "metrics", Port = 9100, Protocol = "TCP" }], service.Spec.Ports);
        var vni = h.Operator.Store!.Get<Vpc>("blue")!.Status.Vni;
        foreach (var owner in service.Status.Owners)
        {
            var entry = JsonDocument.Parse(h.Nodes[owner].Entries(FunctionRequests.ScaledEndpoint, "service")[$"{vni}/10.96.0.10:80/tcp"]).RootElement;
            Assert.Equal([(a.Status.Ip, 8080, "192.0.2.1"), (b.Status.Ip, 8080, "192.0.2.2")], entry.GetProperty("backends").EnumerateArray()
                .Select(x => (x.GetProperty("ip").GetString(), x.GetProperty("port").GetInt32(), x.GetProperty("host").GetString())));
            Assert.False(entry.TryGetProperty("affinity", out _));
        }

        var divider = h.Operator.Store.Get<Vpc>("blue")!.Status.Dividers.Single();
        Assert.Contains($"{vni}/10.96.0.10/32", h.Nodes[divider].Entries(FunctionRequests.Divider, "subnet").Keys);

        // web-1 fails its readiness probe: its slice says ready=false.
        h.Nodes.ResetCalls();
        h.Server.EndpointSlices.Push("MODIFIED", KubeServices.Slice("shop", "web-x1", "web", "42", ("web-0", a.Status.Ip!, "node-1", true), ("web-1", b.Status.Ip!, "node-2", false)));
        service = await ReadyAsync(h, "shop.web", s => s.Status.Backends.Count == 1);
        AssertOwnersOnly(h, service);
        Assert.DoesNotContain(b.Status.Ip!, h.Nodes[service.Status.Owners[0]].Entries(FunctionRequests.ScaledEndpoint, "service")[$"{vni}/10.96.0.10:80/tcp"], StringComparison.Ordinal);

        // ClientIP affinity on the Service: again the owners only.
        h.Nodes.ResetCalls();
        h.Server.Services.Push("MODIFIED", KubeServices.Service("shop", "web", "10.96.0.10", "43", "blue", affinity: "ClientIP"));
        service = await ReadyAsync(h, "shop.web", s => s.Spec.SessionAffinity == ServiceAffinity.ClientIp);
        AssertOwnersOnly(h, service);
        Assert.Contains("\"affinity\":{\"clientIp\":true,\"timeoutSeconds\":1200}", h.Nodes[service.Status.Owners[0]].Entries(FunctionRequests.ScaledEndpoint, "service")[$"{vni}/10.96.0.10:80/tcp"], StringComparison.Ordinal);

        // The Service goes: owners and divider forget it.
        h.Server.Services.Push("DELETED", KubeServices.Service("shop", "web", "10.96.0.10", "44", "blue", affinity: "ClientIP"));
        await OperatorHarness.UntilAsync(() => h.Operator.Store.Get<Service>("shop.web") is null, "the service to go");
        Assert.All(h.Nodes.Nodes.Values, n => Assert.Empty(n.Entries(FunctionRequests.ScaledEndpoint, "service")));
        Assert.DoesNotContain($"{vni}/10.96.0.10/32", h.Nodes[divider].Entries(FunctionRequests.Divider, "subnet").Keys);
        Assert.DoesNotContain(h.Server.Requests, r => r.Path.Contains("/services", StringComparison.Ordinal) && r.Method != "GET"); // core Services are never written
    }

    [Fact]
    public async Task Watch_SliceDeletedAndPodGone_BackendsFollow()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        var (a, b) = await PodsAsync(h);
        h.Server.Services.Push("ADDED", KubeServices.Service("shop", "web", "10.96.0.10", "40", "blue"));
        h.Server.EndpointSlices.Push("ADDED", KubeServices.Slice("shop", "web-x1", "web", "41", ("web-0", a.Status.Ip!, "node-1", true)));
        h.Server.EndpointSlices.Push("ADDED", KubeServices.Slice("shop", "web-x2", "web", "42", ("web-1", b.Status.Ip!, "node-2", true)));
        var service = await ReadyAsync(h, "shop.web", s => s.Status.Backends.Count == 2);

        h.Nodes.ResetCalls();
        h.Server.EndpointSlices.Push("DELETED", KubeServices.Slice("shop", "web-x2", "web", "43", ("web-1", b.Status.Ip!, "node-2", true)));
        service = await ReadyAsync(h, "shop.web", s => s.Status.Backends.Count == 1);
        AssertOwnersOnly(h, service);

        // The pod itself goes (its slice entry would go next): the service drops it as the endpoint leaves.
        h.Nodes.ResetCalls();
        h.Server.Pods.Push("DELETED", Kube.Pod("shop", "web-0", "node-1", "44", Annotations()));
        service = await ReadyAsync(h, "shop.web", s => s.Status.Backends.Count == 0);
        Assert.Equal(service.Status.Owners.Count, h.Nodes.Log.Calls.Count(c => c.Request?.Function == FunctionRequests.ScaledEndpoint));
    }

    [Fact]
    public async Task List_ServicesAndSlices_AppliedOnceEachWithTheirBackends()
    {
        await using var h = await OperatorHarness.StartServerAsync(output, configure: o => o with { DefaultServiceVpc = "blue" });
        h.Server.Nodes.SetList("11", Kube.Node("node-1", "192.0.2.1", "02:00:00:00:00:01", "11"), Kube.Node("node-2", "192.0.2.2", "02:00:00:00:00:02", "11"));
        h.Server.Vpcs.SetList("12", Kube.Vpc("blue", "10.1.0.0/16", "12", null, MizarAnnotations.Finalizer));
        h.Server.Subnets.SetList("13", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "13", MizarAnnotations.Finalizer));
        h.Server.Endpoints.SetList("14", Kube.Endpoint("shop", "db-0", "blue", "blue-a", "node-2", "14", MizarAnnotations.Finalizer));
        h.Server.Services.SetList(
            "20",
            KubeServices.Service("shop", "db", "10.96.0.20", "15", vpc: null), // no annotation: the default VPC
            KubeServices.Service("shop", "ext", "10.96.0.21", "16", "blue", type: "NodePort"),
            KubeServices.Service("shop", "headless", "None", "17", "blue"));
        h.Server.EndpointSlices.SetList("21", KubeServices.Slice("shop", "db-x1", "db", "18", ("db-0", "10.1.1.2", "node-2", true)));

        await h.RunLeadingAsync();
        var service = await ReadyAsync(h, "shop.db", s => s.Status.Backends.Count == 1);

        Assert.Equal("blue", service.Spec.Vpc);
        Assert.Equal(1, service.Metadata.Generation); // the slice came first: one apply, with its backend
        Assert.Equal(["shop.db"], h.Operator.Store!.List<Service>().Select(s => s.Name));
        Assert.Equal("shop.db-0", service.Status.Backends.Single().Endpoint);
    }

    [Fact]
    public async Task Watch_ServiceWithoutVpc_Ignored()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await PodsAsync(h);

        h.Server.Services.Push("ADDED", KubeServices.Service("kube-system", "kube-dns", "10.96.0.10", "40", vpc: null));
        h.Server.Services.Push("ADDED", KubeServices.Service("shop", "web", "10.96.0.11", "41", "blue"));

        await ReadyAsync(h, "shop.web", _ => true);
        Assert.Null(h.Operator.Store!.Get<Service>("kube-system.kube-dns"));
    }

    [Fact]
    public async Task Watch_MizarServiceCustomResource_ReconciledAndStatusPatched()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        var vpc = Kube.Vpc("blue", "10.1.0.0/16", "12", null, MizarAnnotations.Finalizer);
        vpc["spec"]!["serviceCidr"] = "10.96.0.0/16";
        h.Server.Vpcs.Push("ADDED", vpc);
        h.Server.Subnets.Push("ADDED", Kube.Subnet("blue-a", "blue", "10.1.1.0/24", "13", MizarAnnotations.Finalizer));
        await Cluster.ReadyStatusAsync(h.Server, "/apis/mizarnf.io/v1/subnets/blue-a/status");
        var service = new JsonObject
        {
            ["apiVersion"] = "mizarnf.io/v1",
            ["kind"] = "Service",
            ["metadata"] = new JsonObject { ["name"] = "web", ["uid"] = Guid.NewGuid().ToString(), ["resourceVersion"] = "15", ["generation"] = 1, ["finalizers"] = new JsonArray(MizarAnnotations.Finalizer) },
            ["spec"] = new JsonObject
            {
                ["vpc"] = "blue",
                ["ports"] = new JsonArray(new JsonObject { ["port"] = 80, ["targetPort"] = 8080, ["protocol"] = "TCP" }),
                ["endpoints"] = new JsonArray("default.web"),
                ["owners"] = 1,
            },
        };

        h.Server.MizarServices.Push("ADDED", service);
        var empty = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/mizarservices/web/status"
            && Cluster.Ready(r)?["status"]?.GetValue<string>() == "True");
        Assert.Empty(empty.Json["status"]!["backends"]!.AsArray()); // its endpoint has not come yet

        // The endpoint arrives: the service follows, and its status is written again.
        h.Server.Endpoints.Push("ADDED", Kube.Endpoint("default", "web", "blue", "blue-a", "node-1", "14", MizarAnnotations.Finalizer));
        var patch = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/apis/mizarnf.io/v1/mizarservices/web/status"
            && Cluster.Ready(r)?["status"]?.GetValue<string>() == "True" && r.Json["status"]!["backends"]!.AsArray().Count == 1);
        Assert.Equal("10.96.0.1", patch.Json["status"]!["clusterIP"]!.GetValue<string>());
        Assert.Equal("default.web", patch.Json["status"]!["backends"]![0]!["endpoint"]!.GetValue<string>());
        var owner = patch.Json["status"]!["owners"]![0]!.GetValue<string>();
        Assert.Single(h.Nodes[owner].Entries(FunctionRequests.ScaledEndpoint, "service"));
    }

    private static void AssertOwnersOnly(OperatorHarness h, Service service)
    {
        var calls = h.Nodes.Log.Calls;
        Assert.All(calls, c => Assert.Equal(FunctionRequests.ScaledEndpoint, c.Request?.Function));
        Assert.Equal(service.Status.Owners.Order(), calls.Select(c => c.Node).Order());
    }

    private static JsonObject Annotations() => new() { [MizarAnnotations.Vpc] = "blue", [MizarAnnotations.Subnet] = "blue-a", [MizarAnnotations.Netns] = "cni-1" };

    /// <summary>Nodes, VPC blue, subnet blue-a, and Pods shop/web-0 (node-1) and shop/web-1 (node-2) provisioned as endpoints.</summary>
    private static async Task<(Endpoint A, Endpoint B)> PodsAsync(OperatorHarness h)
    {
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);
        h.Server.Pods.Push("ADDED", Kube.Pod("shop", "web-0", "node-1", "30", Annotations()));
        h.Server.Pods.Push("ADDED", Kube.Pod("shop", "web-1", "node-2", "31", Annotations()));
        await OperatorHarness.UntilAsync(() => h.Operator.Store!.List<Endpoint>().Count(e => e.IsReady) == 2, "two Ready endpoints");
        return (h.Operator.Store!.Get<Endpoint>("shop.web-0")!, h.Operator.Store.Get<Endpoint>("shop.web-1")!);
    }

    private static async Task<Service> ReadyAsync(OperatorHarness h, string name, Func<Service, bool> condition)
    {
        await OperatorHarness.UntilAsync(() => h.Operator.Store?.Get<Service>(name) is { IsConverged: true } s && condition(s), $"service {name}");
        return h.Operator.Store!.Get<Service>(name)!;
    }
}
