using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MizarNF.Testbed;

/// <summary>grpc.health.v1.Health/Check (service "") over a daemon's Unix socket.</summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Health.HealthClient _client;

    public HealthProbe(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancel) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
        _client = new Health.HealthClient(_channel);
    }

    /// <summary>The status, or a description of why there is none (not listening yet, refused, …).</summary>
    public async Task<(bool Serving, string Detail)> CheckAsync(TimeSpan timeout, CancellationToken cancel)
    {
        try
        {
            var reply = await _client.CheckAsync(new HealthCheckRequest { Service = string.Empty }, deadline: DateTime.UtcNow + timeout, cancellationToken: cancel)
                .ConfigureAwait(false);
            return (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving, $"health status {reply.Status}");
        }
        catch (RpcException e)
        {
            return (false, $"{e.StatusCode}: {e.Status.Detail}");
        }
    }

    public void Dispose() => _channel.Dispose();
}
