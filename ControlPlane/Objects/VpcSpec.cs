namespace MizarNF.ControlPlane.Objects;

/// <summary>What a VPC wants.</summary>
public sealed record VpcSpec
{
    /// <summary>The VPC's IPv4 CIDR; its subnets lie inside it.</summary>
    public required string Cidr { get; init; }

    /// <summary>How many nodes divide the VPC (0 to 8; more than there are nodes places on all).</summary>
    public int Dividers { get; init; } = 1;
}
