namespace MizarNF.Testbed;

/// <summary>One node in testbed.json; the paths are there for people and scripts (the testbed derives them from the prefix).</summary>
internal sealed record TestbedNodeState
{
    public required string Name { get; init; }

    public required int Index { get; init; }

    public required string Namespace { get; init; }

    public required string UnderlayInterface { get; init; }

    public required string BridgePort { get; init; }

    public required string Address { get; init; }

    public required string Mac { get; init; }

    public required string Socket { get; init; }

    public required string PinRoot { get; init; }

    public required string StateDirectory { get; init; }

    public required string Log { get; init; }

    public int? Pid { get; init; }
}
