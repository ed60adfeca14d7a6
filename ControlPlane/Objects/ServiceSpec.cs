using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>
/// What a service wants: a ClusterIP in a VPC, its ports, and its backends (the endpoints its
/// selector matches, or an explicit list). The VPC and the ClusterIP cannot change; the rest can.
/// </summary>
public sealed record ServiceSpec
{
    /// <summary>The name of its VPC.</summary>
    public required string Vpc { get; init; }

    /// <summary>A fixed ClusterIP; null lets the control plane choose one from the VPC's serviceCidr.</summary>
    [JsonPropertyName("clusterIP")]
    public string? ClusterIp { get; init; }

    /// <summary>Its ports (at least one; unique per port and protocol).</summary>
    public IReadOnlyList<ServicePort> Ports { get; init; } = [];

    /// <summary>Labels an endpoint of the VPC must carry to be a backend (exclusive with <see cref="Endpoints"/>).</summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>Explicit backends: names of Endpoint objects or IPv4 addresses of endpoints in the VPC (exclusive with <see cref="Selector"/>).</summary>
    public IReadOnlyList<string>? Endpoints { get; init; }

    /// <summary>How many nodes own the service (1 to 8; more than there are nodes places on all).</summary>
    public int Owners { get; init; } = 2;

    /// <summary>"None" (each flow decided on its own) or "ClientIP" (a client's flows stick to one backend).</summary>
    public string SessionAffinity { get; init; } = ServiceAffinity.None;

    /// <summary>The ClientIP affinity's timeout, as in Kubernetes.</summary>
    public SessionAffinityConfig? SessionAffinityConfig { get; init; }

    /// <inheritdoc/>
    public bool Equals(ServiceSpec? other) =>
        other is not null
        && Vpc == other.Vpc
        && ClusterIp == other.ClusterIp
        && Ports.SequenceEqual(other.Ports)
        && SameLabels(Selector, other.Selector)
        && (Endpoints ?? []).SequenceEqual(other.Endpoints ?? [])
        && Endpoints is null == other.Endpoints is null
        && Owners == other.Owners
        && SessionAffinity == other.SessionAffinity
        && SessionAffinityConfig?.ClientIp?.TimeoutSeconds == other.SessionAffinityConfig?.ClientIp?.TimeoutSeconds;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Vpc, ClusterIp, Ports.Count, Owners, SessionAffinity);

    private static bool SameLabels(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        a is null == b is null
        && (a ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual((b ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal));
}
