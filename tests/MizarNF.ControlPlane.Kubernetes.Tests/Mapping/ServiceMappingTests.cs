using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Mapping;

public sealed class ServiceMappingTests
{
    [Fact]
    public void ToService_ClusterIpWithSlices_ExplicitReadyBackendsAndResolvedPorts()
    {
        var slice = KubeServices.Slice("shop", "web-1", "web", "2", ("web-0", "10.1.1.2", "node-1", true), ("web-1", "10.1.1.3", "node-2", false), ("web-2", "10.1.1.4", "node-2", null));
        slice["endpoints"]!.AsArray().Add(new JsonObject { ["addresses"] = new JsonArray("10.1.1.9"), ["conditions"] = new JsonObject { ["ready"] = true } }); // no targetRef
        var v6 = KubeServices.Slice("shop", "web-v6", "web", "3", ("web-0", "fd00::2", "node-1", true));
        v6["addressType"] = "IPv6";

        var service = Map(KubeServices.Service("shop", "web", "10.96.0.10", "1", "blue", affinity: "ClientIP"), null, slice, v6);

        Assert.Equal("shop.web", service!.Name);
        Assert.Equal("blue", service.Spec.Vpc);
        Assert.Equal("10.96.0.10", service.Spec.ClusterIp);
        Assert.Null(service.Spec.Selector);
        Assert.Equal(["10.1.1.9", "shop.web-0", "shop.web-2"], service.Spec.Endpoints); // ready=false left out, unset counts as ready
        Assert.Equal(
            [new ServicePort { Name = "http", Port = 80, TargetPort = 8080 }, new ServicePort { Name = "metrics", Port = 9100 }], // SCTP left out
            service.Spec.Ports);
        Assert.Equal((ServiceAffinity.ClientIp, 1200), (service.Spec.SessionAffinity, service.Spec.SessionAffinityConfig!.ClientIp!.TimeoutSeconds));
    }

    [Fact]
    public void ToService_NoAnnotation_DefaultVpcOrNothing()
    {
        var json = KubeServices.Service("shop", "web", "10.96.0.10", "1", vpc: null);

        Assert.Null(Map(json, null));
        Assert.Equal("tenant", Map(json, "tenant")!.Spec.Vpc);
    }

    [Theory]
    [InlineData("NodePort", "10.96.0.10")]
    [InlineData("LoadBalancer", "10.96.0.10")]
    [InlineData("ClusterIP", "None")]
    [InlineData("ClusterIP", "fd00::10")]
    public void ToService_NotServedByMizarNF_Null(string type, string clusterIp)
    {
        Assert.Null(Map(KubeServices.Service("shop", "web", clusterIp, "1", "blue", type: type), "blue"));
    }

    private static Service? Map(JsonObject service, string? defaultVpc, params JsonObject[] slices)
    {
        var typed = KubernetesJson.Deserialize<V1Service>(service.ToJsonString());
        var source = ObjectSource.Of(ResourceKind.Service, typed.Metadata);
        return ServiceMapping.ToService(typed, [.. slices.Select(s => KubernetesJson.Deserialize<V1EndpointSlice>(s.ToJsonString()))], source, defaultVpc);
    }
}
