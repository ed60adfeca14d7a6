namespace MizarNF.ControlPlane.Objects;

/// <summary>What the control plane made of an endpoint.</summary>
public sealed record EndpointStatus : ObjectStatus
{
    /// <summary>Its address, allocated (or the fixed one checked) and stored before any node call.</summary>
    public string? Ip { get; init; }

    /// <summary>Its MAC: 02:4d followed by the four bytes of <see cref="Ip"/>.</summary>
    public string? Mac { get; init; }

    /// <summary>Its subnet's gateway.</summary>
    public string? Gateway { get; init; }

    /// <summary>The underlay address of the node that hosts it.</summary>
    public string? Host { get; init; }

    /// <summary>
    /// The VPC's divider addresses its node was first provisioned with, stored before that call.
    /// The node keeps them as part of the endpoint, so a retried provisioning sends the same ones;
    /// a newer list follows as an Endpoint "vpc" upsert.
    /// </summary>
    public IReadOnlyList<string>? VpcDividers { get; init; }

    /// <summary>How long the node calls of the last provisioning took, in milliseconds.</summary>
    public double? ProvisionedIn { get; init; }
}
