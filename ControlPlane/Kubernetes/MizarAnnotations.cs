namespace MizarNF.ControlPlane.Kubernetes;

/// <summary>
/// The names MizarNF puts on Kubernetes objects: the annotations it reads on Pods and Nodes, the one
/// it writes on Pods, and its finalizer.
/// </summary>
public static class MizarAnnotations
{
    /// <summary>
    /// On a Pod: the VPC of its endpoint (with <see cref="Subnet"/>, makes the Pod a MizarNF endpoint).
    /// On a Service: the VPC of its ClusterIP (else the operator's DefaultServiceVpc).
    /// </summary>
    public const string Vpc = "mizarnf.io/vpc";

    /// <summary>On a Pod: the subnet of its endpoint.</summary>
    public const string Subnet = "mizarnf.io/subnet";

    /// <summary>On a Pod: its network namespace (a name under /var/run/netns or an absolute path), when known.</summary>
    public const string Netns = "mizarnf.io/netns";

    /// <summary>
    /// On a Pod, written by the operator: the address its endpoint was given. Read back when a new
    /// leader starts, so that a Pod keeps its address across operator restarts and fail-overs.
    /// </summary>
    public const string Ip = "mizarnf.io/ip";

    /// <summary>On a Node: its underlay MAC address (required: a Node without it is not a MizarNF node yet).</summary>
    public const string Mac = "mizarnf.io/mac";

    /// <summary>On a Node: the path of its node daemon's socket (default <see cref="DefaultSocket"/>).</summary>
    public const string Socket = "mizarnf.io/socket";

    /// <summary>The node daemon's socket when a Node does not say.</summary>
    public const string DefaultSocket = "/run/mizarnf/node.sock";

    /// <summary>The finalizer the operator puts on every Vpc, Subnet and Endpoint it has seen.</summary>
    public const string Finalizer = "mizarnf.io/cleanup";

    /// <summary>
    /// The netns of a Pod's endpoint while the Pod has no <see cref="Netns"/> annotation. Only the
    /// CNI plugin learns the real one, so this placeholder asks the node daemon to park the
    /// endpoint: it records the endpoint and holds its address, and the CNI ADD for the Pod makes
    /// its interface in the container's namespace (NodeRuntime/Cni/README.md).
    /// </summary>
    public const string PendingNetns = "mizarnf-cni-pending";
}
