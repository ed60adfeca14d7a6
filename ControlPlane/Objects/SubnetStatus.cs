namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane made of a subnet.</summary>
public sealed record SubnetStatus : ObjectStatus
{
    /// <summary>The gateway address: the first usable address of the CIDR.</summary>
    public string? Gateway { get; init; }

    /// <summary>The names of the nodes that bounce the subnet.</summary>
    public IReadOnlyList<string> Bouncers { get; init; } = [];
}
