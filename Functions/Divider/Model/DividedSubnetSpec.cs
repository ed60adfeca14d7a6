namespace MizarNF.Functions.Divider.Model;

/// <summary>A subnet of a VPC this node divides, and its bouncers (kind "subnet").</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Cidr">The subnet's CIDR.</param>
/// <param name="Bouncers">The subnet's bouncers (1–8).</param>
public sealed record DividedSubnetSpec(uint Vni, string Cidr, IReadOnlyList<string> Bouncers);
