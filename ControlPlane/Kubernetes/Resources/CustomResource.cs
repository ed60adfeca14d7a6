using System.Text.Json;
using k8s;
using k8s.Models;

namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>
/// A mizarnf.io object as the API server sends it: Kubernetes metadata, with spec and status kept
/// as raw JSON for <see cref="Mapping.CustomObjectMapping"/> to read. (De)serialised by KubernetesJson.
/// </summary>
internal sealed class CustomResource : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public V1ObjectMeta Metadata { get; set; } = new();

    public JsonElement? Spec { get; set; }

    public JsonElement? Status { get; set; }
}
