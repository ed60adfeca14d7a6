namespace MizarNF.ControlPlane.Kubernetes.Resources;

/// <summary>The Kubernetes resources the operator watches, in the order their objects depend on each other.</summary>
internal enum ResourceKind
{
    /// <summary>Core Nodes, mapped to MizarNF Nodes.</summary>
    Node,

    /// <summary>mizarnf.io/v1 vpcs (cluster-scoped).</summary>
    Vpc,

    /// <summary>mizarnf.io/v1 subnets (cluster-scoped).</summary>
    Subnet,

    /// <summary>mizarnf.io/v1 endpoints (namespaced).</summary>
    Endpoint,

    /// <summary>Core Pods, mapped to MizarNF Endpoints when annotated.</summary>
    Pod,
}
