namespace MizarNF.ControlPlane.Placement;

/// <summary>
/// Chooses the nodes that take a role (bouncer of a subnet, divider of a VPC), spreading load: the
/// nodes with the fewest roles come first, ties broken by name, so placement is deterministic.
/// </summary>
public static class RolePlacement
{
    /// <summary>
    /// The nodes for a role wanting <paramref name="count"/> nodes: those of <paramref name="current"/>
    /// that are still candidates are kept (no needless moves) in their order, the rest are the least
    /// loaded candidates. When fewer are wanted than are kept, the most loaded current nodes are
    /// dropped (ties: the later ones). Asking for more nodes than there are candidates places on all of them.
    /// </summary>
    /// <param name="count">How many nodes the role wants.</param>
    /// <param name="candidates">The nodes that may take it (the Ready ones).</param>
    /// <param name="load">The number of roles each node holds already (absent: 0).</param>
    /// <param name="current">The nodes that hold this role now, if any.</param>
    public static IReadOnlyList<string> Place(int count, IEnumerable<string> candidates, IReadOnlyDictionary<string, int> load, IEnumerable<string>? current = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var pool = candidates.Distinct(StringComparer.Ordinal).ToList();
        var still = (current ?? []).Where(pool.Contains).Distinct(StringComparer.Ordinal).ToList();
        var kept = still
            .Select((node, position) => (node, position))
            .OrderBy(n => load.GetValueOrDefault(n.node))
            .ThenBy(n => n.position)
            .Take(count)
            .OrderBy(n => n.position)
            .Select(n => n.node)
            .ToList();
        var added = pool
            .Except(still, StringComparer.Ordinal)
            .OrderBy(n => load.GetValueOrDefault(n))
            .ThenBy(n => n, StringComparer.Ordinal)
            .Take(count - kept.Count);
        return [.. kept, .. added];
    }
}
