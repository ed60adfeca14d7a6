namespace MizarNF.ControlPlane.Objects;

/// <summary>What a VPC wants.</summary>
public sealed record VpcSpec
{
    /// <summary>The VPC's IPv4 CIDR; its subnets lie inside it.</summary>
    public required string Cidr { get; init; }

    /// <summary>How many nodes divide the VPC (0 to 8; more than there are nodes places on all).</summary>
    public int Dividers { get; init; } = 1;

    /// <summary>
    /// The IPv4 CIDR the VPC's services take ClusterIPs from (optional: without it a service needs a
    /// fixed ClusterIP). It overlaps none of the VPC's subnets; it need not lie inside <see cref="Cidr"/>.
    /// </summary>
    public string? ServiceCidr { get; init; }
}
