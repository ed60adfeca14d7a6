using Grpc.Net.Client;
using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>
/// The node API over gRPC on the daemon's Unix socket, with a deadline on every call so that a
/// hung daemon makes a call fail (DeadlineExceeded) instead of stalling reconciliation.
/// </summary>
public sealed class GrpcNodeApi : INodeApi, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly NodeApi.V1.Node.NodeClient _client;

    /// <summary>A client of the daemon listening on <paramref name="socketPath"/>.</summary>
    /// <param name="socketPath">The daemon's Unix socket.</param>
    /// <param name="timeout">The deadline of each call (default 10 s).</param>
    public GrpcNodeApi(string socketPath, TimeSpan? timeout = null)
    {
        // NodeChannel.Client would hide the channel; this is the same client with a channel we can dispose.
        _channel = NodeApi.NodeChannel.ForUnixSocket(socketPath);
        _client = new NodeApi.V1.Node.NodeClient(_channel);
        SocketPath = socketPath;
        Timeout = timeout ?? TimeSpan.FromSeconds(10);
    }

    /// <summary>The daemon's Unix socket.</summary>
    public string SocketPath { get; }

    /// <summary>The deadline of each call.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    public async Task<NodeApi.V1.Endpoint> ProvisionEndpointAsync(ProvisionEndpointRequest request, CancellationToken cancellationToken = default) =>
        await _client.ProvisionEndpointAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public async Task<DeleteEndpointReply> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken cancellationToken = default) =>
        await _client.DeleteEndpointAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public async Task<ProgramReply> ProgramFunctionAsync(ProgramFunctionRequest request, CancellationToken cancellationToken = default) =>
        await _client.ProgramFunctionAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);

    /// <inheritdoc/>
    public async Task<ProgramReply> SetPeersAsync(SetPeersRequest request, CancellationToken cancellationToken = default) =>
        await _client.SetPeersAsync(request, deadline: Deadline(), cancellationToken: cancellationToken);

    /// <summary>Closes the channel.</summary>
    public void Dispose() => _channel.Dispose();

    private DateTime Deadline() => DateTime.UtcNow + Timeout;
}
