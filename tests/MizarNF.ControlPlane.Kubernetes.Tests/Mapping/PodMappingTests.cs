using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Mapping;

public sealed class PodMappingTests
{
    private static readonly JsonObject Annotated = new() { [MizarAnnotations.Vpc] = "blue", [MizarAnnotations.Subnet] = "blue-a" };

    [Fact]
    public void ToEndpoint_AnnotatedScheduledPod_EndpointNamedNamespaceDotPodWithPendingNetns()
    {
        var endpoint = Map(Kube.Pod("shop", "web-0", "node-1", "1", Annotated.DeepClone().AsObject()));

        Assert.Equal("shop.web-0", endpoint!.Name);
        Assert.Equal("shop", endpoint.Metadata.Namespace);
        Assert.Equal(new Objects.EndpointSpec { Vpc = "blue", Subnet = "blue-a", Node = "node-1", Netns = MizarAnnotations.PendingNetns }, endpoint.Spec);
    }

    [Theory]
    [InlineData("unannotated")]
    [InlineData("unscheduled")]
    [InlineData("hostNetwork")]
    [InlineData("Succeeded")]
    [InlineData("Failed")]
    public void ToEndpoint_PodThatDoesNotQualify_Null(string why)
    {
        var pod = Kube.Pod("shop", "web-0", "node-1", "1", why == "unannotated" ? new JsonObject { [MizarAnnotations.Vpc] = "blue" } : Annotated.DeepClone().AsObject());
        switch (why)
        {
            case "unscheduled":
                pod["spec"]!.AsObject().Remove("nodeName");
                break;
            case "hostNetwork":
                pod["spec"]!["hostNetwork"] = true;
                break;
            case "Succeeded" or "Failed":
                pod["status"]!["phase"] = why;
                break;
        }

        Assert.Null(Map(pod));
    }

    [Fact]
    public void ToSeed_PodWithAddressAnnotation_EndpointHoldingThatAddress()
    {
        var annotations = Annotated.DeepClone().AsObject();
        annotations[MizarAnnotations.Ip] = "10.1.1.7";
        var json = Kube.Pod("shop", "web-0", "node-1", "1", annotations);
        var pod = KubernetesJson.Deserialize<V1Pod>(json.ToJsonString());

        var seed = PodMapping.ToSeed(pod, ObjectSource.Of(ResourceKind.Pod, pod.Metadata));

        Assert.Equal("10.1.1.7", seed!.Status.Ip);
        Assert.False(seed.IsConverged);
    }

    private static Objects.Endpoint? Map(JsonObject json)
    {
        var pod = KubernetesJson.Deserialize<V1Pod>(json.ToJsonString());
        return PodMapping.ToEndpoint(pod, ObjectSource.Of(ResourceKind.Pod, pod.Metadata));
    }
}
