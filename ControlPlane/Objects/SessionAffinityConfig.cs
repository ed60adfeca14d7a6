using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>The settings of session affinity (Kubernetes' sessionAffinityConfig).</summary>
public sealed record SessionAffinityConfig
{
    /// <summary>The settings of ClientIP affinity.</summary>
    [JsonPropertyName("clientIP")]
    public ClientIpConfig? ClientIp { get; init; }
}

/// <summary>The settings of ClientIP affinity.</summary>
public sealed record ClientIpConfig
{
    /// <summary>How long a client's choice is kept after its last packet (1..86400; default 10800).</summary>
    public int? TimeoutSeconds { get; init; }
}
