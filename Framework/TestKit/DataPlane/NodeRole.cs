namespace MizarNF.TestKit.DataPlane;

/// <summary>The nodes of <see cref="DataPlaneWorld"/>, each seen from its own pipelines.</summary>
public enum NodeRole
{
    /// <summary>Hosts a1 (VPC 100) and a2 (VPC 200, same address as c1).</summary>
    A,

    /// <summary>Bouncer of subnet 10.1.0.0/24 in VPC 100 (and of the same CIDR in VPC 200).</summary>
    B,

    /// <summary>Hosts c1 (10.1.0.20) and c2 (10.2.0.30), both VPC 100.</summary>
    C,

    /// <summary>Divider of VPC 100.</summary>
    D,

    /// <summary>Bouncer of subnet 10.2.0.0/24 in VPC 100.</summary>
    E,
}
