using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Kubernetes.Mapping;
using MizarNF.ControlPlane.Kubernetes.Resources;
using MizarNF.ControlPlane.Kubernetes.Writing;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane.Kubernetes.Operator;

/// <summary>
/// Turns watch events into reconciler calls and writes the outcome back. Runs on one worker, one
/// event at a time. Added/Modified become ApplyAsync; Deleted, a deletionTimestamp or a Pod that no
/// longer qualifies become DeleteAsync, and then the finalizer goes. What the control plane refuses
/// (a subnet whose VPC has not arrived yet, a VPC that still has subnets) is kept and tried again
/// after each change and at every resync.
/// </summary>
internal sealed class Dispatcher(Reconciler reconciler, KubernetesWriter writer, StatusPublisher publisher, string defaultSocket, ILogger logger, string? serviceVpc = null)
{
    private readonly EndpointSliceIndex _slices = new();
    private readonly Dictionary<string, ObjectSource> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MizarObject> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectSource> _deleting = new(StringComparer.Ordinal);

    public IObjectStore Store => reconciler.Store;

    public async Task CustomAsync(ResourceKind kind, WatchEventType type, CustomResource resource, CancellationToken cancellationToken)
    {
        var source = ObjectSource.Of(kind, resource.Metadata);
        if (type == WatchEventType.Deleted || resource.Metadata.DeletionTimestamp is not null)
        {
            await DeleteAsync(type == WatchEventType.Deleted ? source with { Finalizers = [] } : source, cancellationToken);
            return;
        }

        if (!source.HasFinalizer)
        {
            await writer.PatchObjectAsync(source, Finalizers.Add(source), cancellationToken);
        }

        MizarObject desired;
        try
        {
            desired = CustomObjectMapping.ToObject(resource, source);
        }
        catch (ControlPlaneValidationException e) when (Claim(source))
        {
            _sources[source.Key] = source;
            await publisher.RefusedAsync(source, e.Message, cancellationToken);
            return;
        }

        await ApplyAsync(source, desired, cancellationToken);
    }

    public async Task PodAsync(WatchEventType type, V1Pod pod, CancellationToken cancellationToken)
    {
        var source = ObjectSource.Of(ResourceKind.Pod, pod.Metadata) with { Finalizers = [] };
        var desired = type == WatchEventType.Deleted ? null : PodMapping.ToEndpoint(pod, source);
        if (desired is null)
        {
            if (_sources.TryGetValue(source.Key, out var owner) && owner.SameObject(source))
            {
                await DeleteAsync(source, cancellationToken);
            }

            return;
        }

        var existing = Store.Get<Objects.Endpoint>(desired.Name);
        desired = desired with { Spec = desired.Spec with { Ip = existing?.Spec.Ip } };
        if (existing is { Metadata.DeletionTimestamp: null } && !existing.SpecEquals(desired) && Claim(source))
        {
            // Endpoint specs are immutable (the netns became known, say): re-create it, keeping its address.
            if (!await reconciler.DeleteAsync(Objects.Endpoint.KindName, existing.Name, cancellationToken))
            {
                return; // the old one is still on a node that cannot be reached; the resync finishes it
            }

            desired = desired with { Spec = desired.Spec with { Ip = existing.Status.Ip } };
        }

        await ApplyAsync(source, desired, cancellationToken);
    }

    public async Task NodeAsync(WatchEventType type, V1Node node, CancellationToken cancellationToken)
    {
        var source = ObjectSource.Of(ResourceKind.Node, node.Metadata) with { Finalizers = [] };
        if (type == WatchEventType.Deleted)
        {
            await DeleteAsync(source, cancellationToken);
            return;
        }

        var desired = NodeMapping.ToNode(node, defaultSocket, out var missing);
        if (desired is null)
        {
            Log.NodeSkipped(logger, source.Name, missing!);
            return;
        }

        await ApplyAsync(source, desired, cancellationToken);
    }

    /// <summary>A core Service changed: its MizarNF service is made again from it and its slices.</summary>
    public Task ServiceAsync(WatchEventType type, V1Service service, CancellationToken cancellationToken)
    {
        var (ns, name) = _slices.Service(type, service);
        return SyncServiceAsync(ns, name, cancellationToken);
    }

    /// <summary>An EndpointSlice changed: the MizarNF services of the Services it names (now and before) are made again.</summary>
    public async Task EndpointSliceAsync(WatchEventType type, V1EndpointSlice slice, CancellationToken cancellationToken)
    {
        foreach (var (ns, name) in _slices.Slice(type, slice))
        {
            await SyncServiceAsync(ns, name, cancellationToken);
        }
    }

    /// <summary>Retries everything: the control plane's own retries (ReconcileAllAsync), then deletions and refused objects; writes every status.</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAllAsync(cancellationToken);
        await RetryAsync(cancellationToken);
        foreach (var key in _sources.Keys.ToList())
        {
            await PublishAsync(key, cancellationToken);
        }
    }

    /// <summary>Applies the MizarNF service of a core Service, or deletes it when the Service is gone or no longer qualifies.</summary>
    private async Task SyncServiceAsync(string ns, string name, CancellationToken cancellationToken)
    {
        var service = _slices.Find(ns, name);
        var source = service is null
            ? new ObjectSource(ResourceKind.Service, ns, name, null, null, [], new Dictionary<string, string>())
            : ObjectSource.Of(ResourceKind.Service, service.Metadata) with { Finalizers = [] };
        var desired = service is null ? null : ServiceMapping.ToService(service, _slices.SlicesOf(ns, name), source, serviceVpc);
        if (desired is null)
        {
            if (_sources.TryGetValue(source.Key, out var owner) && owner.SameObject(source))
            {
                await DeleteAsync(source, cancellationToken);
            }

            _refused.Remove(source.Key);
            return;
        }

        await ApplyAsync(source, desired, cancellationToken);
    }

    private async Task ApplyAsync(ObjectSource source, MizarObject desired, CancellationToken cancellationToken)
    {
        if (Claim(source) && await ApplyCoreAsync(source, desired, cancellationToken))
        {
            await RetryAsync(cancellationToken);
        }
    }

    /// <summary>Applies; true when it changed something another object may have waited for.</summary>
    private async Task<bool> ApplyCoreAsync(ObjectSource source, MizarObject desired, CancellationToken cancellationToken)
    {
        var key = source.Key;
        _sources[key] = source;
        var before = Store.Get(desired.Kind, desired.Name);
        try
        {
            var applied = await reconciler.ApplyAsync(desired, cancellationToken);
            _refused.Remove(key);
            await PublishAsync(key, cancellationToken);
            await PublishServicesAsync(applied, cancellationToken);
            return before is null || !before.SpecEquals(applied) || before.IsReady != applied.IsReady;
        }
        catch (ControlPlaneValidationException e)
        {
            _refused[key] = desired;
            await publisher.RefusedAsync(source, e.Message, cancellationToken);
            return false;
        }
    }

    private async Task DeleteAsync(ObjectSource source, CancellationToken cancellationToken)
    {
        var key = source.Key;
        if (_sources.TryGetValue(key, out var owner) && !owner.SameObject(source))
        {
            // Its name maps onto another object's: we never applied it, only let it go.
            if (source.HasFinalizer)
            {
                await writer.PatchObjectAsync(source, Finalizers.Remove(source), cancellationToken);
            }

            return;
        }

        _refused.Remove(key);
        _deleting[key] = source;
        if (await FinishDeletionAsync(key, cancellationToken))
        {
            await RetryAsync(cancellationToken);
        }
        else
        {
            await PublishAsync(key, cancellationToken); // why it is not gone yet
        }
    }

    /// <summary>Deletes from the control plane, then lets the Kubernetes object go; true when done.</summary>
    private async Task<bool> FinishDeletionAsync(string key, CancellationToken cancellationToken)
    {
        var source = _deleting[key];
        try
        {
            if (!await reconciler.DeleteAsync(source.MizarKind, source.MizarName, cancellationToken))
            {
                return false; // a node could not be reached: the object is kept as deleting, ReconcileAllAsync finishes it
            }
        }
        catch (ControlPlaneValidationException)
        {
            return false; // it still has dependents: tried again when something changes
        }

        if (source.MizarKind == Objects.Endpoint.KindName)
        {
            await PublishServicesAsync(null, cancellationToken); // the services it backed dropped it
        }

        if (source.HasFinalizer && !await writer.PatchObjectAsync(source, Finalizers.Remove(source), cancellationToken))
        {
            return false;
        }

        _deleting.Remove(key);
        _sources.Remove(key);
        publisher.Forget(key);
        return true;
    }

    /// <summary>
    /// Deletions first (dependents before what they depend on), then refused applies (in
    /// dependency order). A deletion the control plane has pending on an unreachable node is left
    /// to ReconcileAllAsync, so that an unreachable node does not slow every event.
    /// </summary>
    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, source) in _deleting.OrderByDescending(p => p.Value.Resource).ToList())
        {
            if (Store.Get(source.MizarKind, source.MizarName) is not { Metadata.DeletionTimestamp: not null })
            {
                await FinishDeletionAsync(key, cancellationToken);
            }
        }

        foreach (var (key, desired) in _refused.OrderBy(p => ObjectKinds.All.ToList().IndexOf(p.Value.Kind)).ToList())
        {
            if (_sources.TryGetValue(key, out var source))
            {
                await ApplyCoreAsync(source, desired, cancellationToken);
            }
        }
    }

    /// <summary>
    /// After an endpoint changed, the mizarservices whose backends may have followed it get their
    /// status written (unchanged ones cost nothing: the publisher skips a patch it wrote last).
    /// </summary>
    private async Task PublishServicesAsync(MizarObject? changed, CancellationToken cancellationToken)
    {
        if (changed is not null and not Objects.Endpoint)
        {
            return;
        }

        foreach (var key in _sources.Where(p => p.Value.Resource == ResourceKind.MizarService).Select(p => p.Key).ToList())
        {
            await PublishAsync(key, cancellationToken);
        }
    }

    /// <summary>Writes the object's outcome back (not while it is refused: its Invalid status stands).</summary>
    private async Task PublishAsync(string key, CancellationToken cancellationToken)
    {
        if (_sources.TryGetValue(key, out var source) && !_refused.ContainsKey(key)
            && Store.Get(source.MizarKind, source.MizarName) is { } obj)
        {
            await publisher.PublishAsync(source, obj, cancellationToken);
        }
    }

    /// <summary>False (logged) when the MizarNF object this source maps to already comes from another Kubernetes object.</summary>
    private bool Claim(ObjectSource source)
    {
        if (_sources.TryGetValue(source.Key, out var owner) && !owner.SameObject(source) && Store.Get(source.MizarKind, source.MizarName) is not null)
        {
            Log.NameTaken(logger, source.ToString(), source.Key, owner.ToString());
            return false;
        }

        return true;
    }
}
