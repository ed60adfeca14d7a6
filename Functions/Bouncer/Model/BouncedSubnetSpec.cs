namespace MizarNF.Functions.Bouncer.Model;

/// <summary>A subnet this node bounces (kind "subnet").</summary>
/// <param name="Vni">Its VPC's VNI.</param>
/// <param name="Cidr">Its CIDR.</param>
public sealed record BouncedSubnetSpec(uint Vni, string Cidr);
