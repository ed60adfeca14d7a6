namespace MizarNF.ControlPlane.Kubernetes;

/// <summary>How a <see cref="KubernetesOperator"/> elects its leader, watches and reconciles.</summary>
public sealed record KubernetesOperatorOptions
{
    /// <summary>The namespace of the Lease (deploy/rbac.yaml).</summary>
    public string LeaseNamespace { get; init; } = "mizarnf-system";

    /// <summary>The name of the Lease the replicas contend for.</summary>
    public string LeaseName { get; init; } = "mizarnf-operator";

    /// <summary>This replica's name in the Lease: $POD_NAME (deploy/operator-deployment.yaml), else the host name.</summary>
    public string Identity { get; init; } = Environment.GetEnvironmentVariable("POD_NAME") is { Length: > 0 } pod ? pod : Environment.MachineName;

    /// <summary>How long a Lease stays held without renewal (written into the Lease).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the leader keeps trying to renew before it gives up leading.</summary>
    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the Lease is tried or renewed.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the leader retries everything not done (ReconcileAllAsync, refused objects, statuses).</summary>
    public TimeSpan ResyncPeriod { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The pause before a failed list or watch is tried again.</summary>
    public TimeSpan WatchRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The node daemon's socket of Nodes without a <see cref="MizarAnnotations.Socket"/> annotation.</summary>
    public string DefaultNodeSocket { get; init; } = MizarAnnotations.DefaultSocket;

    /// <summary>
    /// The VPC of core Services without a <see cref="MizarAnnotations.Vpc"/> annotation; null (the
    /// default) leaves such Services alone, as Pods without the annotations are.
    /// </summary>
    public string? DefaultServiceVpc { get; init; }

    /// <summary>The reconciler's allocation and clock.</summary>
    public ReconcilerOptions Reconciler { get; init; } = new();
}
