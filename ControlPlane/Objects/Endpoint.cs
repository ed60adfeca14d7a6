namespace MizarNF.ControlPlane.Objects;

/// <summary>A pod's interface on a node, with an address of its subnet.</summary>
public sealed record Endpoint : MizarObject<EndpointSpec, EndpointStatus>
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "Endpoint";
}
