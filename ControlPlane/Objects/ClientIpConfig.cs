namespace MizarNF.ControlPlane.Objects;

/// <summary>The settings of ClientIP affinity.</summary>
public sealed record ClientIpConfig
{
    /// <summary>How long a client's choice is kept after its last packet (1..86400; default 10800).</summary>
    public int? TimeoutSeconds { get; init; }
}
