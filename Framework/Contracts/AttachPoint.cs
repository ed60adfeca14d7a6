namespace MizarNF.Contracts;

/// <summary>Where a composed pipeline runs on a node.</summary>
public enum AttachPoint
{
    /// <summary>The node's main interface: all underlay ingress.</summary>
    Transit,

    /// <summary>The node-side peer of an endpoint's veth: all pod egress.</summary>
    Agent,
}
