namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane knows of a node. Ready means its daemon took the current peer list.</summary>
public sealed record NodeStatus : ObjectStatus
{
    /// <summary>A digest of the peer list the node last accepted; a different digest means it needs SetPeers.</summary>
    public string? PeersDigest { get; init; }
}
