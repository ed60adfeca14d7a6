using k8s;
using k8s.Models;

namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>A list of mizarnf.io objects (VpcList, SubnetList, EndpointList) as the API server sends it.</summary>
internal sealed class CustomResourceList : IKubernetesObject<V1ListMeta>
{
    public string ApiVersion { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public V1ListMeta Metadata { get; set; } = new();

    public IList<CustomResource> Items { get; set; } = [];
}
