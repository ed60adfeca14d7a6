namespace MizarNF.Functions.Endpoint.Model;

/// <summary>An endpoint hosted on this node (kind "endpoint").</summary>
/// <param name="Vni">Its VPC's VNI.</param>
/// <param name="Ip">Its IPv4 address.</param>
/// <param name="Mac">The pod-side MAC.</param>
/// <param name="Ifindex">The node-side veth's index.</param>
/// <param name="Gateway">Its subnet's gateway address.</param>
public sealed record EndpointSpec(uint Vni, string Ip, string Mac, int Ifindex, string Gateway);
