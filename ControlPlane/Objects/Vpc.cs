namespace MizarNF.ControlPlane.Objects;

/// <summary>A tenant network: a CIDR, a unique VNI and the dividers that know its subnets.</summary>
public sealed record Vpc : MizarObject<VpcSpec, VpcStatus>
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "Vpc";
}
