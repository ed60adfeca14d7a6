namespace MizarNF.Testbed;

/// <summary>
/// testbed.json: what a testbed made, for <see cref="Testbed.Attach"/> and <see cref="Testbed.DownByPrefix"/>
/// in another process. Written before each namespace is made, so it never lists less than exists.
/// </summary>
internal sealed record TestbedState
{
    public required string Prefix { get; init; }

    /// <summary>The process that ran Up (a CLI's is gone once the testbed is up; a test run's lives as long as its testbeds).</summary>
    public required int OwnerPid { get; init; }

    public required string UnderlayNamespace { get; init; }

    public required string Bridge { get; init; }

    public required string UnderlayCidr { get; init; }

    public required int Mtu { get; init; }

    /// <summary>Every namespace made or about to be made: underlay, nodes, pods.</summary>
    public required IReadOnlyList<string> Namespaces { get; init; }

    public required IReadOnlyList<string> PodNamespaces { get; init; }

    public required IReadOnlyList<TestbedNodeState> Nodes { get; init; }
}
