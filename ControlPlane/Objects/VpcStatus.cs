namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane made of a VPC.</summary>
public sealed record VpcStatus : ObjectStatus
{
    /// <summary>The VPC's VNI (24 bits, never 0), allocated once and kept.</summary>
    public uint? Vni { get; init; }

    /// <summary>The names of the nodes that divide the VPC.</summary>
    public IReadOnlyList<string> Dividers { get; init; } = [];
}
