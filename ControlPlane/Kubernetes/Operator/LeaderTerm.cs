using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Kubernetes.Watching;
using MizarNF.ControlPlane.Kubernetes.Writing;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Kubernetes.Operator;

/// <summary>
/// What the leader does while it leads: list every resource, build a store from it, apply
/// everything in dependency order (Nodes, VPCs, subnets, Endpoints, Pods, mizarservices, then
/// EndpointSlices and Services), then watch all eight
/// and resync periodically. Every event and resync goes through one queue and one worker, so the
/// reconciler sees one change at a time, in the order each watch delivered it.
/// </summary>
internal sealed class LeaderTerm
{
    private const int QueueCapacity = 1024;

    private readonly IKubernetes _client;
    private readonly INodeApiFactory _nodes;
    private readonly KubernetesOperatorOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ResourceWatch<V1Node> _nodeWatch;
    private readonly ResourceWatch<CustomResource>[] _customWatches;
    private readonly ResourceWatch<V1Pod> _podWatch;
    private readonly ResourceWatch<V1Service> _serviceWatch;
    private readonly ResourceWatch<V1EndpointSlice> _sliceWatch;
    private volatile Dispatcher? _dispatcher;

    public LeaderTerm(IKubernetes client, INodeApiFactory nodes, KubernetesOperatorOptions options, ILoggerFactory loggers)
    {
        _client = client;
        _nodes = nodes;
        _options = options;
        _loggers = loggers;
        _logger = loggers.CreateLogger<KubernetesOperator>();
        var retry = options.WatchRetryDelay;
        _nodeWatch = new(ResourceSources.Nodes(client), (t, n) => Work(t, n, (d, ct) => d.NodeAsync(t, n, ct)), retry, _logger);
        _customWatches =
        [
            .. new[] { ResourceKind.Vpc, ResourceKind.Subnet, ResourceKind.Endpoint, ResourceKind.MizarService }.Select(kind => new ResourceWatch<CustomResource>(
                ResourceSources.Custom(client, kind), (t, r) => Work(t, r, (d, ct) => d.CustomAsync(kind, t, r, ct)), retry, _logger)),
        ];
        _podWatch = new(ResourceSources.Pods(client), (t, p) => Work(t, p, (d, ct) => d.PodAsync(t, p, ct)), retry, _logger);
        _serviceWatch = new(ResourceSources.Services(client), (t, s) => Work(t, s, (d, ct) => d.ServiceAsync(t, s, ct)), retry, _logger);
        _sliceWatch = new(ResourceSources.EndpointSlices(client), (t, s) => Work(t, s, (d, ct) => d.EndpointSliceAsync(t, s, ct)), retry, _logger);
    }

    /// <summary>The store of this term, once the lists are in.</summary>
    public IObjectStore? Store => _dispatcher?.Store;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
        var (nodes, customs, pods, services, slices) = await ListAllAsync(cancellationToken);
        var store = StoreSeed.Build(customs, pods);
        var reconciler = new Reconciler(store, _nodes, _options.Reconciler, _loggers.CreateLogger<Reconciler>());
        var writer = new KubernetesWriter(_client, _logger);
        _dispatcher = new Dispatcher(reconciler, writer, new StatusPublisher(writer, _options.Reconciler.Time), _options.DefaultNodeSocket, _logger, _options.DefaultServiceVpc);
        Log.Started(_logger, nodes.Count + customs.Count + pods.Count + services.Count + slices.Count, ObjectKinds.All.Sum(k => store.List(k).Count));

        var worker = WorkAsync(queue.Reader, cancellationToken);
        foreach (var node in nodes)
        {
            await queue.Writer.WriteAsync(Work(WatchEventType.Added, node, (d, ct) => d.NodeAsync(WatchEventType.Added, node, ct)), cancellationToken);
        }

        foreach (var (kind, resource) in customs)
        {
            await queue.Writer.WriteAsync(Work(WatchEventType.Added, resource, (d, ct) => d.CustomAsync(kind, WatchEventType.Added, resource, ct)), cancellationToken);
        }

        foreach (var pod in pods)
        {
            await queue.Writer.WriteAsync(Work(WatchEventType.Added, pod, (d, ct) => d.PodAsync(WatchEventType.Added, pod, ct)), cancellationToken);
        }

        // Slices first, so that each Service is applied once, with its backends.
        foreach (var slice in slices)
        {
            await queue.Writer.WriteAsync(Work(WatchEventType.Added, slice, (d, ct) => d.EndpointSliceAsync(WatchEventType.Added, slice, ct)), cancellationToken);
        }

        foreach (var service in services)
        {
            await queue.Writer.WriteAsync(Work(WatchEventType.Added, service, (d, ct) => d.ServiceAsync(WatchEventType.Added, service, ct)), cancellationToken);
        }

        await Task.WhenAll(
        [
            worker,
            ResyncAsync(queue.Writer, cancellationToken),
            _nodeWatch.WatchAsync(queue.Writer, cancellationToken),
            _podWatch.WatchAsync(queue.Writer, cancellationToken),
            _serviceWatch.WatchAsync(queue.Writer, cancellationToken),
            _sliceWatch.WatchAsync(queue.Writer, cancellationToken),
            .. _customWatches.Select(w => w.WatchAsync(queue.Writer, cancellationToken)),
        ]);
    }

    private async Task<(IReadOnlyList<V1Node> Nodes, List<(ResourceKind, CustomResource)> Customs, IReadOnlyList<V1Pod> Pods, IReadOnlyList<V1Service> Services, IReadOnlyList<V1EndpointSlice> Slices)> ListAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var nodes = await _nodeWatch.ListAsync(cancellationToken);
                var customs = new List<(ResourceKind, CustomResource)>();
                foreach (var watch in _customWatches)
                {
                    customs.AddRange((await watch.ListAsync(cancellationToken)).Select(r => (watch.Kind, r)));
                }

                var pods = await _podWatch.ListAsync(cancellationToken);
                var services = await _serviceWatch.ListAsync(cancellationToken);
                var slices = await _sliceWatch.ListAsync(cancellationToken);
                return (nodes, customs, pods, services, slices);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.ListFailed(_logger, e.Message);
                await Task.Delay(_options.WatchRetryDelay, cancellationToken);
            }
        }
    }

    private async Task WorkAsync(ChannelReader<WorkItem> queue, CancellationToken cancellationToken)
    {
        await foreach (var item in queue.ReadAllAsync(cancellationToken))
        {
            try
            {
                await item.RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.WorkFailed(_logger, item.What, e);
            }
        }
    }

    private async Task ResyncAsync(ChannelWriter<WorkItem> queue, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await queue.WriteAsync(new WorkItem("resync", ct => _dispatcher!.ResyncAsync(ct)), cancellationToken);
        }
    }

    private WorkItem Work<T>(WatchEventType type, T obj, Func<Dispatcher, CancellationToken, Task> run)
        where T : IMetadata<V1ObjectMeta> =>
        new($"{type} {typeof(T).Name} {obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}", ct => run(_dispatcher!, ct));
}
