namespace MizarNF.ControlPlane.Objects;

/// <summary>A CIDR inside a VPC, with the bouncers that know where its endpoints live.</summary>
public sealed record Subnet : MizarObject<SubnetSpec, SubnetStatus>
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "Subnet";
}
