namespace MizarNF.Functions.Bouncer.Model;

/// <summary>An endpoint of a bounced subnet and where it lives (kind "endpoint").</summary>
/// <param name="Vni">Its VPC's VNI.</param>
/// <param name="Ip">Its address.</param>
/// <param name="Host">The node hosting it.</param>
/// <param name="Mac">Its MAC (answered to ARP).</param>
public sealed record BouncerEndpointSpec(uint Vni, string Ip, string Host, string Mac);
