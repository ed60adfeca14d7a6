namespace MizarNF.ControlPlane.Objects;

/// <summary>Where a node is and how to reach its daemon.</summary>
public sealed record NodeSpec
{
    /// <summary>Its underlay IPv4 address (unique among nodes).</summary>
    public required string Address { get; init; }

    /// <summary>Its underlay MAC address (the next hop its peers send to).</summary>
    public required string Mac { get; init; }

    /// <summary>The path of its daemon's Unix socket.</summary>
    public required string Socket { get; init; }
}
