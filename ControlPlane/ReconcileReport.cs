namespace MizarNF.ControlPlane;

/// <summary>What a <see cref="Reconciler.ReconcileAllAsync"/> pass did.</summary>
/// <param name="Objects">How many objects the store holds after the pass.</param>
/// <param name="Retried">How many objects were not converged (or pending deletion) and were worked on.</param>
/// <param name="NotReady">The objects still not Ready, as "Kind/name: Reason: message".</param>
public sealed record ReconcileReport(int Objects, int Retried, IReadOnlyList<string> NotReady)
{
    /// <summary>True when every object is Ready.</summary>
    public bool AllReady => NotReady.Count == 0;
}
