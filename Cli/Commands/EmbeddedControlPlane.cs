using MizarNF.ControlPlane;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Store;

namespace MizarNF.Cli.Commands;

/// <summary>The operator of embedded mode: a reconciler over the durable store, talking to node daemons over gRPC.</summary>
internal sealed class EmbeddedControlPlane : IDisposable
{
    private readonly FileObjectStore _store;
    private readonly GrpcNodeApiFactory _nodes = new(TimeSpan.FromSeconds(10));

    public EmbeddedControlPlane(string directory)
    {
        _store = FileObjectStore.Open(directory);
        Reconciler = new Reconciler(_store, _nodes);
    }

    public Reconciler Reconciler { get; }

    public void Dispose()
    {
        _nodes.Dispose();
        _store.Dispose();
    }
}
