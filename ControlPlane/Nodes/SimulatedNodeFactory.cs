using System.Collections.Concurrent;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>Gives a <see cref="SimulatedNode"/> per node name, creating it on first use.</summary>
public sealed class SimulatedNodeFactory : INodeApiFactory
{
    private readonly ConcurrentDictionary<string, SimulatedNode> _nodes = new(StringComparer.Ordinal);

    /// <summary>The latency new nodes get.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The simulated nodes made so far, by name.</summary>
    public IReadOnlyDictionary<string, SimulatedNode> Nodes => _nodes;

    /// <summary>The calls the nodes carried out, in order across all of them.</summary>
    public SimulatedCallLog Log { get; } = new();

    /// <summary>All calls made to all nodes.</summary>
    public int TotalCalls => _nodes.Values.Sum(n => n.TotalCalls);

    /// <summary>The simulated node called <paramref name="name"/> (made if needed).</summary>
    public SimulatedNode this[string name] => _nodes.GetOrAdd(name, n => new SimulatedNode(n, Log) { Latency = Latency });

    /// <inheritdoc/>
    public INodeApi For(Objects.Node node) => this[node.Name];

    /// <summary>Forgets every node's call counts, and the call log.</summary>
    public void ResetCalls()
    {
        Log.Clear();
        foreach (var node in _nodes.Values)
        {
            node.ResetCalls();
        }
    }
}
