using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Mapping;

/// <summary>A Pod's endpoint carries the Pod's labels, for the selectors of mizarservices.</summary>
public sealed class PodLabelMappingTests
{
    [Fact]
    public void ToEndpoint_LabelledPod_EndpointCarriesItsLabels()
    {
        var json = Kube.Pod("shop", "web-0", "node-1", "1", new JsonObject { [MizarAnnotations.Vpc] = "blue", [MizarAnnotations.Subnet] = "blue-a" });
        json["metadata"]!["labels"] = new JsonObject { ["app"] = "web", ["pod-template-hash"] = "5d7f9" };
        var pod = KubernetesJson.Deserialize<V1Pod>(json.ToJsonString());

        var endpoint = PodMapping.ToEndpoint(pod, ObjectSource.Of(ResourceKind.Pod, pod.Metadata));

        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["pod-template-hash"] = "5d7f9" }, endpoint!.Metadata.Labels);
    }
}
