using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>The settings of session affinity (Kubernetes' sessionAffinityConfig).</summary>
public sealed record SessionAffinityConfig
{
    /// <summary>The settings of ClientIP affinity.</summary>
    [JsonPropertyName("clientIP")]
    public ClientIpConfig? ClientIp { get; init; }
}
