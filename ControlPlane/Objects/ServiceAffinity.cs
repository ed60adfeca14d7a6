namespace MizarNF.ControlPlane.Objects;

/// <summary>Session affinity values and limits, as Kubernetes has them.</summary>
public static class ServiceAffinity
{
    /// <summary>No affinity.</summary>
    public const string None = "None";

    /// <summary>A client address's flows go to the same backend while it keeps sending within the timeout.</summary>
    public const string ClientIp = "ClientIP";

    /// <summary>The default timeout (3 hours).</summary>
    public const int DefaultTimeoutSeconds = 10800;

    /// <summary>The longest timeout (1 day).</summary>
    public const int MaxTimeoutSeconds = 86400;
}
