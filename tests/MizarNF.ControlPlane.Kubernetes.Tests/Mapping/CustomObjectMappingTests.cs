using System.Text.Json.Nodes;
using k8s;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Tests.Mapping;

public sealed class CustomObjectMappingTests
{
    [Fact]
    public void ToObject_NamespacedEndpoint_NamedNamespaceDotNameWithoutKubernetesMetadata()
    {
        var (resource, source) = Read(ResourceKind.Endpoint, Kube.Endpoint("shop", "web", "blue", "blue-a", "node-1", "9", MizarAnnotations.Finalizer));

        var endpoint = Assert.IsType<Objects.Endpoint>(CustomObjectMapping.ToObject(resource, source));

        Assert.Equal("shop.web", endpoint.Name);
        Assert.Equal("shop", endpoint.Metadata.Namespace);
        Assert.Equal("pod-web", endpoint.Spec.Netns);
        Assert.Null(endpoint.Metadata.Uid); // the control plane's own, not Kubernetes'
    }

    [Fact]
    public void ToObject_KindDiffersFromTheWatchedResource_Refused()
    {
        var (resource, source) = Read(ResourceKind.Subnet, Kube.Vpc("blue", "10.1.0.0/16", "9"));

        Assert.Throws<ControlPlaneValidationException>(() => CustomObjectMapping.ToObject(resource, source));
    }

    [Theory]
    [InlineData(3, 3, 1)]
    [InlineData(2, 3, 0)]
    [InlineData(null, 3, 0)]
    public void ToSeed_StatusObservedGeneration_ConvergedOnlyWhenItMatches(int? observed, int generation, int seededObserved)
    {
        var status = new JsonObject { ["vni"] = 77, ["conditions"] = new JsonArray() };
        if (observed is not null)
        {
            status["observedGeneration"] = observed;
        }

        var json = Kube.Vpc("blue", "10.1.0.0/16", "9", status);
        json["metadata"]!["generation"] = generation;
        var (resource, source) = Read(ResourceKind.Vpc, json);

        var seed = Assert.IsType<Vpc>(CustomObjectMapping.ToSeed(resource, source));

        Assert.Equal(77u, seed.Status.Vni);
        Assert.Equal(1, seed.Metadata.Generation);
        Assert.Equal(seededObserved, seed.Status.ObservedGeneration);
    }

    [Fact]
    public void StatusPatch_StatusOfTheCurrentGeneration_CarriesTheKubernetesGeneration()
    {
        var json = Kube.Vpc("blue", "10.1.0.0/16", "9");
        json["metadata"]!["generation"] = 5;
        var (_, source) = Read(ResourceKind.Vpc, json);
        var vpc = new Vpc
        {
            Metadata = new ObjectMeta { Name = "blue", Generation = 2 },
            Spec = new VpcSpec { Cidr = "10.1.0.0/16" },
            Status = new VpcStatus { Vni = 9, ObservedGeneration = 2 },
        };

        var patch = JsonNode.Parse(CustomObjectMapping.StatusPatch(vpc, source))!;

        Assert.Equal(5, patch["status"]!["observedGeneration"]!.GetValue<long>());
        Assert.Equal(9, patch["status"]!["vni"]!.GetValue<int>());
    }

    private static (CustomResource Resource, ObjectSource Source) Read(ResourceKind kind, JsonObject json)
    {
        var resource = KubernetesJson.Deserialize<CustomResource>(json.ToJsonString());
        return (resource, ObjectSource.Of(kind, resource.Metadata));
    }
}
