using Grpc.Core;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Allocation;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>What the kind reconcilers share: the store, the nodes, the clock, and the questions they ask of them.</summary>
internal sealed class ReconcileContext(IndexedObjectStore store, INodeApiFactory nodes, VniAllocator vnis, TimeProvider time, ILogger logger)
{
    public IndexedObjectStore Store => store;

    public VniAllocator Vnis => vnis;

    public ILogger Logger => logger;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The nodes that may take roles: Ready and not being deleted.</summary>
    public IReadOnlyList<string> ReadyNodes() =>
        [.. store.List<Node>().Where(n => n.IsReady && n.Metadata.DeletionTimestamp is null).Select(n => n.Name)];

    /// <summary>The number of roles (bouncer of a subnet, divider of a VPC, owner of a service) each node holds.</summary>
    public IReadOnlyDictionary<string, int> RoleLoad() =>
        store.List<Subnet>().SelectMany(s => s.Status.Bouncers)
            .Concat(store.List<Vpc>().SelectMany(v => v.Status.Dividers))
            .Concat(store.List<Service>().SelectMany(s => s.Status.Owners))
            .GroupBy(n => n, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>The underlay addresses of the named nodes (nodes holding roles cannot be deleted, so they exist).</summary>
    public IReadOnlyList<string> Addresses(IEnumerable<string> nodeNames) =>
        [.. nodeNames.Select(n => store.Get<Node>(n)?.Spec.Address ?? throw new InvalidOperationException($"node '{n}' holds a role but is not stored"))];

    /// <summary>Makes the calls concurrently; returns those that failed (empty: all succeeded).</summary>
    public async Task<IReadOnlyList<NodeCallFailure>> CallAsync(IEnumerable<NodeCall> calls, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(calls.Select(c => CallAsync(c, cancellationToken)));
        return [.. results.OfType<NodeCallFailure>()];
    }

    /// <summary><paramref name="obj"/> with its Ready condition set, observed at its current generation.</summary>
    public T WithReady<T>(T obj, bool ready, string reason, string message)
        where T : MizarObject
    {
        var status = obj.ObjectStatus with
        {
            ObservedGeneration = obj.Metadata.Generation,
            Conditions = Conditions.Set(obj.ObjectStatus.Conditions, Conditions.Ready, ready, reason, message, Now),
        };
        return (T)obj.WithObjectStatus(status);
    }

    /// <summary><paramref name="obj"/> Ready when <paramref name="failures"/> is empty, otherwise not Ready saying what failed.</summary>
    public T WithOutcome<T>(T obj, IReadOnlyList<NodeCallFailure> failures, string readyReason, string readyMessage)
        where T : MizarObject =>
        failures.Count == 0
            ? WithReady(obj, true, readyReason, readyMessage)
            : WithReady(obj, false, failures[0].Reason, string.Join("; ", failures.Select(f => f.Message)));

    private async Task<NodeCallFailure?> CallAsync(NodeCall call, CancellationToken cancellationToken)
    {
        var node = store.Get<Node>(call.Node);
        if (node is null)
        {
            return new NodeCallFailure(call.Node, Reasons.NodeUnknown, $"{call.What}: node '{call.Node}' is not known");
        }

        try
        {
            await call.Invoke(nodes.For(node), cancellationToken);
            return null;
        }
        catch (RpcException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NodeCallFailed(logger, call.Node, call.What, e.StatusCode.ToString(), e.Status.Detail);
            var reason = e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded ? Reasons.NodeUnreachable : Reasons.NodeRejected;
            return new NodeCallFailure(call.Node, reason, $"{call.What} on node '{call.Node}' failed: {e.StatusCode}: {e.Status.Detail}");
        }
    }
}
