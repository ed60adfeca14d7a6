namespace MizarNF.ControlPlane.Objects;

/// <summary>What an endpoint wants. Immutable once stored: delete and re-create to change it.</summary>
public sealed record EndpointSpec
{
    /// <summary>The name of its VPC.</summary>
    public required string Vpc { get; init; }

    /// <summary>The name of its subnet (which must belong to <see cref="Vpc"/>).</summary>
    public required string Subnet { get; init; }

    /// <summary>The name of the node that hosts it.</summary>
    public required string Node { get; init; }

    /// <summary>A fixed IPv4 address; null lets the control plane choose one.</summary>
    public string? Ip { get; init; }

    /// <summary>The pod's network namespace: a name under /var/run/netns or an absolute path.</summary>
    public required string Netns { get; init; }

    /// <summary>The interface name in the pod; null means the node's default (eth0).</summary>
    public string? Ifname { get; init; }
}
