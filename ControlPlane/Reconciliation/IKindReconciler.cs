using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>How one kind is validated, made real on the nodes, and removed.</summary>
internal interface IKindReconciler
{
    /// <summary>
    /// Checks <paramref name="desired"/> against the store and fills in what the control plane
    /// allocates (VNI, IP, gateway...). Pure: throws <see cref="ControlPlaneValidationException"/>
    /// before anything is written or called.
    /// </summary>
    MizarObject Prepare(MizarObject desired, MizarObject? existing);

    /// <summary>Stores the prepared object and makes the node calls it still needs; returns it as stored.</summary>
    Task<MizarObject> ConvergeAsync(MizarObject prepared, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ControlPlaneValidationException"/> when the object may not be deleted (it has dependents).</summary>
    void ValidateDelete(MizarObject existing);

    /// <summary>Undoes the object on its nodes and removes it; false when a node call failed and the deletion is pending.</summary>
    Task<bool> RemoveAsync(MizarObject existing, CancellationToken cancellationToken);
}
