namespace MizarNF.ControlPlane.Objects;

/// <summary>
/// A scaled endpoint: a ClusterIP of one VPC whose ports the owner nodes spread over backend
/// endpoints (chosen by the ScaledEndpoint function with Maglev hashing, decided once per flow).
/// </summary>
public sealed record Service : MizarObject<ServiceSpec, ServiceStatus>
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "Service";
}
