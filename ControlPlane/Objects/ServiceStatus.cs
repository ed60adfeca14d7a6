using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane made of a service.</summary>
public sealed record ServiceStatus : ObjectStatus
{
    /// <summary>The ClusterIP, allocated (or the fixed one checked) and stored before any node call.</summary>
    [JsonPropertyName("clusterIP")]
    public string? ClusterIp { get; init; }

    /// <summary>The names of the nodes that own the service (placed once, kept).</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>The backends the owners were last given: the ready endpoints.</summary>
    public IReadOnlyList<ServiceBackend> Backends { get; init; } = [];

    /// <summary>The ports the owners hold, as "port/protocol": what a later spec change must remove.</summary>
    public IReadOnlyList<string> ProgrammedPorts { get; init; } = [];
}
