namespace MizarNF.ControlPlane.Objects;

/// <summary>One port of a service.</summary>
public sealed record ServicePort
{
    /// <summary>Its name (optional; unique within the service when given).</summary>
    public string? Name { get; init; }

    /// <summary>The port clients connect to on the ClusterIP (1..65535).</summary>
    public int Port { get; init; }

    /// <summary>The backends' port (1..65535); null means <see cref="Port"/>.</summary>
    public int? TargetPort { get; init; }

    /// <summary>"TCP" or "UDP".</summary>
    public string Protocol { get; init; } = "TCP";
}
