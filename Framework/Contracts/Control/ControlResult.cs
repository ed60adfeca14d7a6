namespace MizarNF.Contracts.Control;

/// <summary>What a request changed in the maps.</summary>
/// <param name="Written">Entries added or changed.</param>
/// <param name="Deleted">Entries removed.</param>
/// <param name="Unchanged">Entries that already held the desired value.</param>
public sealed record ControlResult(int Written, int Deleted, int Unchanged)
{
    /// <summary>Nothing to do.</summary>
    public static ControlResult None { get; } = new(0, 0, 0);

    /// <summary>Adds two results.</summary>
    public static ControlResult operator +(ControlResult a, ControlResult b) =>
        new(a.Written + b.Written, a.Deleted + b.Deleted, a.Unchanged + b.Unchanged);
}
