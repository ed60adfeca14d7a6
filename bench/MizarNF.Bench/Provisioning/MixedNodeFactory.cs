using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.Bench.Provisioning;

/// <summary>Real testbed nodes over gRPC, the rest simulated in memory (counting their calls).</summary>
internal sealed class MixedNodeFactory(ISet<string> realNodes) : INodeApiFactory, IDisposable
{
    private readonly GrpcNodeApiFactory _real = new(TimeSpan.FromSeconds(10));

    public SimulatedNodeFactory Simulated { get; } = new();

    public INodeApi For(Node node) => realNodes.Contains(node.Name) ? _real.For(node) : Simulated.For(node);

    public void Dispose() => _real.Dispose();
}
