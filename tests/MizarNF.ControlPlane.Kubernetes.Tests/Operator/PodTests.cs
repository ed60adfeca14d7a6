using System.Text.Json.Nodes;
using MizarNF.ControlPlane.Objects;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Operator;

/// <summary>Pods annotated with a VPC and a subnet become endpoints.</summary>
public sealed class PodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Watch_AnnotatedPodAdded_BecomesEndpointAndGetsItsAddressAnnotated()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);
        var annotations = new JsonObject
        {
            [MizarAnnotations.Vpc] = "blue", [MizarAnnotations.Subnet] = "blue-a", [MizarAnnotations.Netns] = "/var/run/netns/cni-1234",
        };

        h.Server.Pods.Push("ADDED", Kube.Pod("default", "plain", "node-1", "20", new JsonObject { ["app"] = "none" }));
        h.Server.Pods.Push("ADDED", Kube.Pod("default", "web-0", "node-2", "21", annotations));

        await OperatorHarness.UntilAsync(() => h.Operator.Store!.Get<Objects.Endpoint>("default.web-0")?.IsReady == true, "the pod's endpoint to be Ready");
        var endpoint = h.Operator.Store!.Get<Objects.Endpoint>("default.web-0")!;
        Assert.Equal(new EndpointSpec { Vpc = "blue", Subnet = "blue-a", Node = "node-2", Netns = "/var/run/netns/cni-1234" }, endpoint.Spec);
        Assert.Equal("/var/run/netns/cni-1234", h.Nodes["node-2"].Endpoints["default.web-0"].Netns);
        Assert.Null(h.Operator.Store.Get<Objects.Endpoint>("default.plain"));

        var annotated = await h.Server.WaitForAsync(r => r.Method == "PATCH" && r.Path == "/api/v1/namespaces/default/pods/web-0");
        Assert.StartsWith("application/merge-patch+json", annotated.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"metadata":{"annotations":{"mizarnf.io/ip":"IP"}}}""".Replace("IP", endpoint.Status.Ip, StringComparison.Ordinal), annotated.Body);

        h.Server.Pods.Push("DELETED", Kube.Pod("default", "web-0", "node-2", "22", annotations));
        await OperatorHarness.UntilAsync(() => h.Operator.Store.Get<Objects.Endpoint>("default.web-0") is null, "the endpoint to go");
        Assert.Empty(h.Nodes["node-2"].Endpoints);
    }

    [Fact]
    public async Task Watch_PodGetsItsNetnsLater_EndpointRecreatedWithTheSameAddress()
    {
        await using var h = await OperatorHarness.StartServerAsync(output);
        await h.RunLeadingAsync();
        await Cluster.AddNodesAsync(h);
        await Cluster.AddVpcSubnetAsync(h);
        var annotations = new JsonObject { [MizarAnnotations.Vpc] = "blue", [MizarAnnotations.Subnet] = "blue-a" };

        h.Server.Pods.Push("ADDED", Kube.Pod("default", "web-0", "node-1", "20", annotations));
        await OperatorHarness.UntilAsync(() => h.Operator.Store!.Get<Objects.Endpoint>("default.web-0") is not null, "the pod's endpoint");
        var pending = h.Operator.Store!.Get<Objects.Endpoint>("default.web-0")!;
        Assert.Equal(MizarAnnotations.PendingNetns, pending.Spec.Netns);

        annotations[MizarAnnotations.Netns] = "cni-77";
        h.Server.Pods.Push("MODIFIED", Kube.Pod("default", "web-0", "node-1", "21", annotations));
        await OperatorHarness.UntilAsync(() => h.Operator.Store.Get<Objects.Endpoint>("default.web-0")?.Spec.Netns == "cni-77", "the endpoint with its netns");
        Assert.Equal(pending.Status.Ip, h.Operator.Store.Get<Objects.Endpoint>("default.web-0")!.Status.Ip);
        Assert.Equal("cni-77", h.Nodes["node-1"].Endpoints["default.web-0"].Netns);
    }
}
