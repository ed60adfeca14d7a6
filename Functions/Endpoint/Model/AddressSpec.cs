namespace MizarNF.Functions.Endpoint.Model;

/// <summary>An address in a VPC (kind "learnt", to purge what the data plane learnt about it).</summary>
/// <param name="Vni">The VPC's VNI.</param>
/// <param name="Ip">The endpoint's address.</param>
public sealed record AddressSpec(uint Vni, string Ip);
