namespace MizarNF.ControlPlane.Objects;

/// <summary>Kubernetes-style object metadata. The control plane sets uid, generation and the timestamps.</summary>
public sealed record ObjectMeta
{
    /// <summary>The object's name, unique per kind (a DNS-1123 subdomain; see <see cref="ObjectNames"/>).</summary>
    public required string Name { get; init; }

    /// <summary>Kept for Kubernetes compatibility; MizarNF objects are cluster-scoped.</summary>
    public string? Namespace { get; init; }

    /// <summary>Set when the object is first stored; never changes.</summary>
    public string? Uid { get; init; }

    /// <summary>1 when first stored; incremented whenever the spec changes.</summary>
    public long Generation { get; init; }

    /// <summary>When the object was first stored.</summary>
    public DateTimeOffset? CreationTimestamp { get; init; }

    /// <summary>Set when a deletion is under way but a node could not be reached yet; retried by ReconcileAllAsync.</summary>
    public DateTimeOffset? DeletionTimestamp { get; init; }

    /// <summary>Free-form labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>Free-form annotations.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
}
