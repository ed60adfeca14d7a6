using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>The typed skeleton of a kind reconciler; deletion is common to all kinds.</summary>
internal abstract class KindReconciler<T>(ReconcileContext context) : IKindReconciler
    where T : MizarObject
{
    protected ReconcileContext Context => context;

    public MizarObject Prepare(MizarObject desired, MizarObject? existing) => Prepare((T)desired, (T?)existing);

    public async Task<MizarObject> ConvergeAsync(MizarObject prepared, CancellationToken cancellationToken) =>
        await ConvergeAsync((T)prepared, cancellationToken);

    public void ValidateDelete(MizarObject existing) => ValidateDelete((T)existing);

    public async Task<bool> RemoveAsync(MizarObject existing, CancellationToken cancellationToken)
    {
        var obj = (T)existing;
        var failures = await UnprogramAsync(obj, cancellationToken);
        if (failures.Count == 0)
        {
            context.Store.Delete(obj.Kind, obj.Name);
            Log.Deleted(context.Logger, obj.Kind, obj.Name);
            await AfterRemoveAsync(obj, cancellationToken);
            return true;
        }

        var message = "deletion pending: " + string.Join("; ", failures.Select(f => f.Message));
        var deleting = (T)(obj with { Metadata = obj.Metadata with { DeletionTimestamp = obj.Metadata.DeletionTimestamp ?? context.Now } });
        context.Store.Put(context.WithReady(deleting, false, failures[0].Reason, message));
        Log.DeletionPending(context.Logger, obj.Kind, obj.Name, message);
        return false;
    }

    protected abstract T Prepare(T desired, T? existing);

    protected abstract Task<T> ConvergeAsync(T prepared, CancellationToken cancellationToken);

    protected abstract void ValidateDelete(T existing);

    /// <summary>The node calls that undo the object; returns those that failed.</summary>
    protected abstract Task<IReadOnlyList<NodeCallFailure>> UnprogramAsync(T existing, CancellationToken cancellationToken);

    /// <summary>What follows a completed removal.</summary>
    protected virtual Task AfterRemoveAsync(T removed, CancellationToken cancellationToken) => Task.CompletedTask;

    protected static IReadOnlyList<NodeCallFailure> NoFailures { get; } = [];
}
