using System.Net.Sockets;
using Grpc.Net.Client;

namespace MizarNF.NodeApi;

/// <summary>gRPC channels to a node daemon's Unix socket.</summary>
public static class NodeChannel
{
    /// <summary>A channel to the daemon listening on <paramref name="socketPath"/>; calls fail fast when it is down.</summary>
    public static GrpcChannel ForUnixSocket(string socketPath, TimeSpan? connectTimeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(2),
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
        return GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    /// <summary>A client of the node API on <paramref name="socketPath"/>.</summary>
    public static V1.Node.NodeClient Client(string socketPath) => new(ForUnixSocket(socketPath));
}
