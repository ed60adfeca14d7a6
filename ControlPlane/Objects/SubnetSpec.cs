namespace MizarNF.ControlPlane.Objects;

/// <summary>What a subnet wants.</summary>
public sealed record SubnetSpec
{
    /// <summary>The name of its VPC.</summary>
    public required string Vpc { get; init; }

    /// <summary>Its IPv4 CIDR: inside the VPC's, overlapping no other subnet of the VPC, /30 at the smallest.</summary>
    public required string Cidr { get; init; }

    /// <summary>How many nodes bounce the subnet (1 to 8; more than there are nodes places on all).</summary>
    public int Bouncers { get; init; } = 1;
}
