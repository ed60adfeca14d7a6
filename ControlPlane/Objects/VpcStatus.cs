namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane made of a VPC.</summary>
public sealed record VpcStatus : ObjectStatus
{
    /// <summary>The VPC's VNI (24 bits, never 0), allocated once and kept.</summary>
    public uint? Vni { get; init; }

    /// <summary>
    /// The names of the nodes that divide the VPC: between reconciliations each holds every subnet
    /// of the VPC, so nodes may be told them (a change that failed before that is rolled back).
    /// </summary>
    public IReadOnlyList<string> Dividers { get; init; } = [];

    /// <summary>
    /// Nodes that divided the VPC and may still hold its subnets: they forget them once every node
    /// sending to the dividers has been told the new ones (empty when no divider change is under way).
    /// </summary>
    public IReadOnlyList<string> RetiringDividers { get; init; } = [];
}
