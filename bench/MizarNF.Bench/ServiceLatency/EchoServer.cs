using System.Net;
using System.Net.Sockets;
using MizarNF.Bpf;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>
/// A TCP echo server in a pod's namespace, inside the benchmark's process: the listening socket is
/// made on a thread that entered the namespace (it stays there), and every connection is served on
/// its own thread, so no process start or scheduler hop of a tool is measured.
/// </summary>
internal sealed class EchoServer : IDisposable
{
    private readonly Socket _listener;
    private readonly Thread _acceptor;
    private volatile bool _stopped;
    private long _connections;

    public EchoServer(string netns, IPAddress address, int port)
    {
        _listener = NetworkNamespace.Run(netns, () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            s.Bind(new IPEndPoint(address, port));
            s.Listen(1024);
            return s;
        });
        _acceptor = new Thread(Accept) { IsBackground = true, Name = $"echo {address}:{port}" };
        _acceptor.Start();
    }

    /// <summary>Connections accepted so far.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    public void Dispose()
    {
        _stopped = true;
        _listener.Dispose();
        _acceptor.Join(TimeSpan.FromSeconds(2));
    }

    private void Accept()
    {
        while (!_stopped)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            ThreadPool.UnsafeQueueUserWorkItem(static c => Echo(c), client, preferLocal: false);
        }
    }

    private static void Echo(Socket client)
    {
        using (client)
        {
            client.NoDelay = true;
            var buffer = new byte[256];
            try
            {
                int n;
                while ((n = client.Receive(buffer)) > 0)
                {
                    client.Send(buffer.AsSpan(0, n));
                }
            }
            catch (SocketException)
            {
                // the client went away
            }
        }
    }
}
