using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MizarNF.ControlPlane.Kubernetes.Operator;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Kubernetes;

/// <summary>
/// The control plane in Kubernetes mode: the same <see cref="Reconciler"/>, fed by watches of the
/// mizarnf.io Vpcs, Subnets and Endpoints, of Pods (annotated with a VPC and a subnet) and of
/// Nodes; status written back through the status subresource; a finalizer on every custom
/// resource so that nodes are cleaned before it goes. Replicas contend for a coordination.k8s.io
/// Lease and only the leader watches and writes; each time it becomes leader it starts afresh from
/// a list, since the API server, not the operator, holds the state.
/// </summary>
public sealed class KubernetesOperator
{
    private readonly IKubernetes _client;
    private readonly INodeApiFactory _nodes;
    private readonly KubernetesOperatorOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private volatile LeaderTerm? _term;
    private CancellationTokenSource? _leading;
    private Task _running = Task.CompletedTask;

    /// <summary>An operator talking to the API server through <paramref name="client"/> and to nodes through <paramref name="nodes"/>.</summary>
    public KubernetesOperator(IKubernetes client, INodeApiFactory nodes, KubernetesOperatorOptions? options = null, ILoggerFactory? loggers = null)
    {
        _client = client;
        _nodes = nodes;
        _options = options ?? new KubernetesOperatorOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _logger = _loggers.CreateLogger<KubernetesOperator>();
    }

    /// <summary>This replica's identity in the Lease.</summary>
    public string Identity => _options.Identity;

    /// <summary>True while this replica leads.</summary>
    public bool IsLeading => _term is not null;

    /// <summary>The leader's view of the objects (null unless leading and listed).</summary>
    public IObjectStore? Store => _term?.Store;

    /// <summary>
    /// Contends for the Lease until cancelled; leads while it holds it (losing it stops the watches
    /// and writes; winning it again starts afresh). Call once.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var config = new LeaderElectionConfig(new LeaseLock(_client, _options.LeaseNamespace, _options.LeaseName, _options.Identity))
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        elector.OnStartedLeading += () => StartLeading(cancellationToken);
        elector.OnStoppedLeading += () => _leading?.Cancel();
        elector.OnNewLeader += leader => Log.NewLeader(_logger, leader ?? string.Empty);
        elector.OnError += e =>
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Log.ElectionError(_logger, e?.Message ?? string.Empty);
            }
        };
        try
        {
            await elector.RunAndTryToHoldLeadershipForeverAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _leading?.Cancel();
            await _running;
            _leading?.Dispose();
        }
    }

    /// <summary>Called by the elector on its loop; the new term waits for the previous one to have stopped.</summary>
    private void StartLeading(CancellationToken cancellationToken)
    {
        var previous = _leading;
        _leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = LeadAsync(_running, previous, _leading.Token);
    }

    private async Task LeadAsync(Task previous, CancellationTokenSource? previousLeading, CancellationToken cancellationToken)
    {
        await previous;
        previousLeading?.Dispose();
        Log.Leading(_logger, _options.Identity, _options.LeaseNamespace, _options.LeaseName);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var term = new LeaderTerm(_client, _nodes, _options, _loggers);
                _term = term;
                try
                {
                    await term.RunAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.TermFailed(_logger, e);
                    await Task.Delay(_options.WatchRetryDelay, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _term = null;
            Log.StoppedLeading(_logger, _options.Identity);
        }
    }
}
