using Grpc.Core;
using Grpc.Net.Client;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Daemon;

/// <summary>
/// The node daemon over its Unix socket, through the node API's generated client. Every call has
/// a deadline, and every failure becomes a CNI error: a daemon that is down or does not answer in
/// time is "try again later" (11), never a hang.
/// </summary>
public sealed class NodeDaemon : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Node.NodeClient _client;
    private readonly string _socket;
    private readonly TimeSpan _timeout;

    /// <summary>A client of the daemon on <paramref name="socket"/>; each call may take <paramref name="timeout"/> (plus what it waits for).</summary>
    public NodeDaemon(string socket, TimeSpan timeout)
    {
        _socket = socket;
        _timeout = timeout;
        _channel = NodeChannel.ForUnixSocket(socket, timeout);
        _client = new Node.NodeClient(_channel);
    }

    /// <summary>Runs one call with a deadline of the timeout plus <paramref name="extra"/>; gRPC failures become CNI errors.</summary>
    public T Call<T>(Func<Node.NodeClient, CallOptions, AsyncUnaryCall<T>> call, string what, TimeSpan extra = default, int unavailableCode = CniErrorCode.TryAgainLater)
    {
        if (!File.Exists(_socket))
        {
            throw new CniException(unavailableCode, $"the MizarNF node daemon is not running: no socket at {_socket}");
        }

        try
        {
            return call(_client, new CallOptions(deadline: DateTime.UtcNow + _timeout + extra)).ResponseAsync.GetAwaiter().GetResult();
        }
        catch (RpcException e)
        {
            throw Translate(e, what, unavailableCode);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _channel.Dispose();

    private CniException Translate(RpcException e, string what, int unavailableCode)
    {
        var detail = e.Status.Detail;
        return e.StatusCode switch
        {
            StatusCode.DeadlineExceeded => new CniException(unavailableCode, $"{what}: the node daemon at {_socket} did not answer in {_timeout.TotalSeconds:0.#} s"),
            StatusCode.Unavailable when e.Status.DebugException is not null || detail.StartsWith("Error connecting", StringComparison.Ordinal)
                => new CniException(unavailableCode, $"{what}: cannot reach the node daemon at {_socket}", e.Status.DebugException?.Message ?? detail),
            StatusCode.Unavailable => new CniException(unavailableCode, $"{what}: {detail}"),
            StatusCode.NotFound => new CniException(CniErrorCode.UnknownContainer, $"{what}: {detail}"),
            StatusCode.InvalidArgument => new CniException(CniErrorCode.InvalidNetworkConfig, $"{what}: {detail}"),
            StatusCode.AlreadyExists => new CniException(CniErrorCode.EndpointConflict, $"{what}: {detail}"),
            _ => new CniException(CniErrorCode.NodeFailure, $"{what}: the node daemon failed ({e.StatusCode})", detail),
        };
    }
}
