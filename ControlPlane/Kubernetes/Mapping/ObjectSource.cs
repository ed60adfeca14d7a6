using MizarNF.ControlPlane.Kubernetes.Resources;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>
/// The Kubernetes object a MizarNF object was made from, as last seen: where to write its status
/// and finalizer back.
/// </summary>
/// <param name="Resource">Which resource it is.</param>
/// <param name="Namespace">Its namespace (null when cluster-scoped).</param>
/// <param name="Name">Its Kubernetes name.</param>
/// <param name="Generation">Its metadata.generation (the spec version, written back as status.observedGeneration).</param>
/// <param name="ResourceVersion">Its metadata.resourceVersion (the precondition of finalizer patches).</param>
/// <param name="Finalizers">Its metadata.finalizers.</param>
/// <param name="Annotations">Its metadata.annotations.</param>
internal sealed record ObjectSource(
    ResourceKind Resource,
    string? Namespace,
    string Name,
    long? Generation,
    string? ResourceVersion,
    IReadOnlyList<string> Finalizers,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>The MizarNF kind made from it.</summary>
    public string MizarKind => CustomResources.MizarKind(Resource);

    /// <summary>The MizarNF name: the Kubernetes name, prefixed with "namespace." for namespaced objects.</summary>
    public string MizarName => Namespace is { Length: > 0 } ns ? $"{ns}.{Name}" : Name;

    /// <summary>The key of the MizarNF object: kind/name.</summary>
    public string Key => $"{MizarKind}/{MizarName}";

    /// <summary>True when it carries our finalizer.</summary>
    public bool HasFinalizer => Finalizers.Contains(MizarAnnotations.Finalizer);

    /// <summary>True when both are the same Kubernetes object (whatever their versions).</summary>
    public bool SameObject(ObjectSource other) =>
        Resource == other.Resource && Namespace == other.Namespace && Name == other.Name;

    /// <summary>"Vpc blue", "Pod default/web" (for logs).</summary>
    public override string ToString() => $"{Resource} {(Namespace is null ? string.Empty : Namespace + "/")}{Name}";

    /// <summary>The source of a Kubernetes object.</summary>
    public static ObjectSource Of(ResourceKind resource, k8s.Models.V1ObjectMeta metadata) => new(
        resource,
        string.IsNullOrEmpty(metadata.NamespaceProperty) ? null : metadata.NamespaceProperty,
        metadata.Name,
        metadata.Generation,
        metadata.ResourceVersion,
        [.. metadata.Finalizers ?? []],
        new Dictionary<string, string>(metadata.Annotations ?? new Dictionary<string, string>(), StringComparer.Ordinal));
}
