namespace MizarNF.Functions.Endpoint.Model;

/// <summary>A VPC and its dividers (kind "vpc").</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Dividers">The dividers' underlay addresses (1–8).</param>
public sealed record VpcSpec(uint Vni, IReadOnlyList<string> Dividers);
