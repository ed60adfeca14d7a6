namespace MizarNF.ControlPlane.Objects;

/// <summary>A host on the underlay running a MizarNF node daemon.</summary>
public sealed record Node : MizarObject<NodeSpec, NodeStatus>
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "Node";
}
