namespace MizarNF.ControlPlane.Objects;

/// <summary>What every kind's status holds: the generation it reflects and its conditions.</summary>
public abstract record ObjectStatus
{
    /// <summary>The metadata generation this status was computed for.</summary>
    public long ObservedGeneration { get; init; }

    /// <summary>Observations, notably <see cref="Conditions.Ready"/>.</summary>
    public IReadOnlyList<Condition> Conditions { get; init; } = [];
}
