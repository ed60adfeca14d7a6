using System.Collections.Concurrent;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>Gives a <see cref="GrpcNodeApi"/> per node, kept while the node's socket stays the same.</summary>
public sealed class GrpcNodeApiFactory : INodeApiFactory, IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcNodeApi> _apis = new(StringComparer.Ordinal);
    private readonly TimeSpan? _timeout;

    /// <summary>A factory whose clients use <paramref name="timeout"/> as the deadline of each call.</summary>
    public GrpcNodeApiFactory(TimeSpan? timeout = null) => _timeout = timeout;

    /// <inheritdoc/>
    public INodeApi For(Objects.Node node)
    {
        var socket = node.Spec.Socket;
        var api = _apis.GetOrAdd(node.Name, _ => new GrpcNodeApi(socket, _timeout));
        if (api.SocketPath == socket)
        {
            return api;
        }

        var fresh = new GrpcNodeApi(socket, _timeout);
        if (_apis.TryUpdate(node.Name, fresh, api))
        {
            api.Dispose();
            return fresh;
        }

        fresh.Dispose();
        return For(node);
    }

    /// <summary>Closes every channel.</summary>
    public void Dispose()
    {
        foreach (var api in _apis.Values)
        {
            api.Dispose();
        }

        _apis.Clear();
    }
}
