using System.Text.Json.Serialization;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>One ScaledEndpoint "service" entry: a ClusterIP's port and protocol in a VPC, and where it leads.</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Ip">The ClusterIP.</param>
/// <param name="Port">The service port.</param>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="Backends">The ready backends (possibly none).</param>
/// <param name="Affinity">ClientIP affinity, or null for none (then left out of the JSON).</param>
public sealed record ServiceEntry(
    uint Vni,
    string Ip,
    int Port,
    string Protocol,
    IReadOnlyList<ServiceEntryBackend> Backends,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ServiceEntryAffinity? Affinity);
