using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Reconciliation;
using MizarNF.ControlPlane.Store;

namespace MizarNF.ControlPlane;

/// <summary>
/// The control plane: applies and deletes objects, making the nodes match. Every object is
/// validated completely (against the store) before anything is written or called, so a refused
/// object disturbs nothing. Node failures do not throw: they are recorded in the object's Ready
/// condition and the object is stored, so <see cref="ReconcileAllAsync"/> retries it. Applying
/// an object that is already converged makes no node call. One operation runs at a time.
/// </summary>
public sealed class Reconciler
{
    private readonly IndexedObjectStore _store;
    private readonly ReconcileContext _context;
    private readonly NodeReconciler _nodes;
    private readonly ServiceReconciler _services;
    private readonly Dictionary<string, IKindReconciler> _kinds;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>A control plane over <paramref name="store"/>, reaching nodes through <paramref name="nodes"/>.</summary>
    public Reconciler(IObjectStore store, INodeApiFactory nodes, ReconcilerOptions? options = null, ILogger<Reconciler>? logger = null)
    {
        options ??= new ReconcilerOptions();
        _store = new IndexedObjectStore(store);
        _context = new ReconcileContext(_store, nodes, options.Vnis, options.Time, logger ?? NullLogger<Reconciler>.Instance);
        _nodes = new NodeReconciler(_context);
        _services = new ServiceReconciler(_context);
        _kinds = new Dictionary<string, IKindReconciler>(StringComparer.Ordinal)
        {
            [Node.KindName] = _nodes,
            [Vpc.KindName] = new VpcReconciler(_context),
            [Subnet.KindName] = new SubnetReconciler(_context),
            [Objects.Endpoint.KindName] = new EndpointReconciler(_context, _services),
            [Service.KindName] = _services,
        };
    }

    /// <summary>The store the control plane works on (read it freely; write only through the reconciler).</summary>
    public IObjectStore Store => _store;

    /// <summary>
    /// Creates or updates <paramref name="obj"/> and makes its nodes match; returns it as stored,
    /// with its status (check <see cref="MizarObject.IsReady"/>). The status of
    /// <paramref name="obj"/> is ignored: the control plane owns it.
    /// </summary>
    /// <exception cref="ControlPlaneValidationException">The object is refused; nothing was changed.</exception>
    public async Task<T> ApplyAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : MizarObject
    {
        ArgumentNullException.ThrowIfNull(obj);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return (T)await ApplyCoreAsync(obj, cancellationToken);
        }
        catch (ControlPlaneValidationException e)
        {
            Log.Refused(_context.Logger, obj.Kind, obj.Metadata?.Name ?? string.Empty, e.Message);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Deletes an object: undoes it on its nodes, then removes it (an endpoint's address is
    /// released). True when it is gone (or never existed); false when a node could not be reached:
    /// the object is kept with a deletion timestamp and <see cref="ReconcileAllAsync"/> finishes it.
    /// </summary>
    /// <exception cref="ControlPlaneValidationException">
    /// The object still has dependents (a VPC with subnets, a subnet with endpoints, a node holding
    /// endpoints or roles); nothing was changed.
    /// </exception>
    public async Task<bool> DeleteAsync(string kind, string name, CancellationToken cancellationToken = default)
    {
        kind = ObjectKinds.Canonical(kind);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = _store.Get(kind, name);
            if (existing is null)
            {
                return true;
            }

            _kinds[kind].ValidateDelete(existing);
            return await _kinds[kind].RemoveAsync(existing, cancellationToken);
        }
        catch (ControlPlaneValidationException e)
        {
            Log.Refused(_context.Logger, kind, name, e.Message);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Brings every stored object to its desired state: finishes pending deletions (endpoints
    /// first), re-sends peer lists that nodes lack, then retries every VPC, subnet and endpoint that
    /// is not converged (e.g. left half-done by a crash or a node failure). Converged objects cost
    /// no node call. An object that no longer validates is marked Ready=False, reason Invalid.
    /// </summary>
    public async Task<ReconcileReport> ReconcileAllAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var retried = 0;
            foreach (var kind in ObjectKinds.All.Reverse())
            {
                foreach (var obj in _store.List(kind).Where(o => o.Metadata.DeletionTimestamp is not null))
                {
                    retried++;
                    await _kinds[kind].RemoveAsync(obj, cancellationToken);
                }
            }

            retried += _store.List<Node>().Count(n => !n.IsConverged);
            await _nodes.SyncPeersAsync(cancellationToken);
            foreach (var kind in ObjectKinds.All.Where(k => k != Node.KindName))
            {
                foreach (var obj in _store.List(kind).Where(o => !o.IsConverged && o.Metadata.DeletionTimestamp is null))
                {
                    retried++;
                    await RetryAsync(_kinds[kind], obj, cancellationToken);
                }
            }

            var all = ObjectKinds.All.SelectMany(_store.List).ToList();
            var notReady = all.Where(o => !o.IsReady).Select(Describe).ToList();
            Log.Reconciled(_context.Logger, all.Count, retried, notReady.Count);
            return new ReconcileReport(all.Count, retried, notReady);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<MizarObject> ApplyCoreAsync(MizarObject obj, CancellationToken cancellationToken)
    {
        var kind = ObjectKinds.Canonical(obj.Kind);
        ObjectNames.Validate(kind, obj.Metadata?.Name);
        if (obj.ApiVersion != MizarObject.CurrentApiVersion)
        {
            throw new ControlPlaneValidationException($"{kind} '{obj.Name}': apiVersion is '{obj.ApiVersion}', expected '{MizarObject.CurrentApiVersion}'");
        }

        var existing = _store.Get(kind, obj.Name);
        if (existing?.Metadata.DeletionTimestamp is not null)
        {
            throw new ControlPlaneValidationException($"{kind} '{obj.Name}' is being deleted; apply it again once it is gone");
        }

        var desired = Merge(obj, existing);
        if (existing is not null && existing.IsConverged && existing.SpecEquals(desired))
        {
            if (!MetadataEquals(existing.Metadata, desired.Metadata))
            {
                _store.Put(desired);
                if (desired is Objects.Endpoint endpoint)
                {
                    await _services.FollowAsync(endpoint, leaving: false, cancellationToken); // its labels may select it for services, or not
                }
            }

            return desired;
        }

        var prepared = _kinds[kind].Prepare(desired, existing);
        var result = await _kinds[kind].ConvergeAsync(prepared, cancellationToken);
        var ready = Conditions.Find(result.ObjectStatus.Conditions, Conditions.Ready);
        Log.Applied(_context.Logger, kind, result.Name, result.Metadata.Generation, result.IsReady, ready?.Reason ?? string.Empty);
        return result;
    }

    /// <summary>The applied object with the control plane's metadata and the stored status.</summary>
    private MizarObject Merge(MizarObject obj, MizarObject? existing)
    {
        var generation = existing is null ? 1 : existing.SpecEquals(obj) ? existing.Metadata.Generation : existing.Metadata.Generation + 1;
        var metadata = obj.Metadata with
        {
            Uid = existing?.Metadata.Uid ?? Guid.NewGuid().ToString(),
            CreationTimestamp = existing?.Metadata.CreationTimestamp ?? _context.Now,
            Generation = generation,
            DeletionTimestamp = null,
        };
        var merged = obj with { Metadata = metadata };
        return existing is null ? merged.WithoutStatus() : merged.WithObjectStatus(existing.ObjectStatus);
    }

    private async Task RetryAsync(IKindReconciler kind, MizarObject obj, CancellationToken cancellationToken)
    {
        MizarObject prepared;
        try
        {
            prepared = kind.Prepare(obj, obj);
        }
        catch (ControlPlaneValidationException e)
        {
            _store.Put(_context.WithReady(obj, false, Reasons.Invalid, e.Message));
            return;
        }

        await kind.ConvergeAsync(prepared, cancellationToken);
    }

    private static bool MetadataEquals(ObjectMeta a, ObjectMeta b) =>
        a.Namespace == b.Namespace && Same(a.Labels, b.Labels) && Same(a.Annotations, b.Annotations);

    private static bool Same(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual((b ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal));

    private static string Describe(MizarObject obj)
    {
        var ready = Conditions.Find(obj.ObjectStatus.Conditions, Conditions.Ready);
        return $"{obj.Kind}/{obj.Name}: {ready?.Reason ?? "Unknown"}: {ready?.Message ?? "not reconciled yet"}";
    }
}
