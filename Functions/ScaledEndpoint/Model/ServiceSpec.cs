namespace MizarNF.Functions.ScaledEndpoint.Model;

/// <summary>One service port this node owns (kind "service"); for remove only vni, ip, port and protocol count.</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Ip">The ClusterIP.</param>
/// <param name="Port">The service port (1–65535).</param>
/// <param name="Protocol">"tcp" or "udp".</param>
/// <param name="Backends">The backends (none: flows are dropped as NO_BACKEND).</param>
/// <param name="Affinity">ClientIP session affinity, if any.</param>
public sealed record ServiceSpec(uint Vni, string Ip, int Port, string Protocol, IReadOnlyList<BackendSpec>? Backends = null, AffinitySpec? Affinity = null);
