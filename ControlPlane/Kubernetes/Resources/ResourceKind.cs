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

    /// <summary>mizarnf.io/v1 mizarservices (cluster-scoped, kind Service): MizarNF Services as in embedded mode.</summary>
    MizarService,

    /// <summary>Core Services of type ClusterIP, mapped to MizarNF Services (with their EndpointSlices).</summary>
    Service,

    /// <summary>discovery.k8s.io/v1 EndpointSlices: the backends of core Services.</summary>
    EndpointSlice,
}
