using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>One ScaledEndpoint "service" entry: a ClusterIP's port and protocol in a VPC, and where it leads.</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Ip">The ClusterIP.</param>
/// <param name="Port">The service port.</param>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="Backends">The ready backends (possibly none).</param>
/// <param name="Affinity">ClientIP affinity, or null for none.</param>
public sealed record ServiceEntry(
    uint Vni,
    string Ip,
    int Port,
    string Protocol,
    IReadOnlyList<ServiceEntryBackend> Backends,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ServiceEntryAffinity? Affinity);

/// <summary>A backend of a <see cref="ServiceEntry"/>: its address, its port and its node's underlay address.</summary>
public sealed record ServiceEntryBackend(string Ip, int Port, string Host);

/// <summary>The affinity of a <see cref="ServiceEntry"/>.</summary>
public sealed record ServiceEntryAffinity(bool ClientIp, int TimeoutSeconds);

/// <summary>The key of a <see cref="ServiceEntry"/>: what a removal names.</summary>
public sealed record ServiceKey(uint Vni, string Ip, int Port, string Protocol);
