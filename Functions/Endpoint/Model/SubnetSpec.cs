namespace MizarNF.Functions.Endpoint.Model;

/// <summary>A subnet of this node's endpoints and its bouncers (kind "subnet").</summary>
/// <param name="Vni">Its VPC's VNI.</param>
/// <param name="Gateway">Its gateway address (with the VNI, it names the subnet).</param>
/// <param name="Bouncers">The bouncers' underlay addresses (1–8).</param>
public sealed record SubnetSpec(uint Vni, string Gateway, IReadOnlyList<string> Bouncers);
