namespace MizarNF.ControlPlane.Objects;

/// <summary>The condition a service has besides Ready, and its reason when false.</summary>
public static class ServiceConditions
{
    /// <summary>True when at least one backend is ready.</summary>
    public const string BackendsAvailable = "BackendsAvailable";

    /// <summary>No endpoint matching the service is ready.</summary>
    public const string NoReadyBackends = "NoReadyBackends";
}
