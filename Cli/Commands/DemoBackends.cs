using System.Net;
using System.Net.Sockets;
using System.Text;
using MizarNF.Bpf;

namespace MizarNF.Cli.Commands;

/// <summary>
/// The demo's service backends and client, in the demo's own process: each backend is a TCP
/// listener made inside its pod's namespace (a socket stays in the namespace it was made in) that
/// answers every connection with its pod's name; the client connects from inside its pod's
/// namespace. No server processes to start or reap.
/// </summary>
internal sealed class DemoBackends : IDisposable
{
    private readonly List<(Socket Listener, Thread Acceptor)> _servers = [];

    /// <summary>Starts a backend named <paramref name="name"/> on 0.0.0.0:<paramref name="port"/> in <paramref name="netns"/>.</summary>
    public void Start(string name, string netns, int port)
    {
        var listener = NetworkNamespace.Run(netns, () =>
        {
            var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            s.Bind(new IPEndPoint(IPAddress.Any, port));
            s.Listen(64);
            return s;
        });
        var reply = Encoding.ASCII.GetBytes(name);
        var acceptor = new Thread(() =>
        {
            while (true)
            {
                try
                {
                    using var c = listener.Accept();
                    c.Send(reply);
                    c.Shutdown(SocketShutdown.Send);
                    c.Receive(new byte[16]); // until the client closes
                }
                catch (SocketException)
                {
                    // the client went away first, or the listener was closed
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        })
        { IsBackground = true, Name = $"backend {name}" };
        acceptor.Start();
        _servers.Add((listener, acceptor));
    }

    /// <summary>
    /// Opens <paramref name="connections"/> TCP connections from <paramref name="netns"/> to
    /// <paramref name="target"/>, one after another; returns the backend name each was answered by
    /// ("" when it failed).
    /// </summary>
    public static IReadOnlyList<string> Connect(string netns, IPEndPoint target, int connections) =>
        NetworkNamespace.Run(netns, () =>
        {
            var answers = new List<string>(connections);
            var buffer = new byte[64];
            for (var i = 0; i < connections; i++)
            {
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 2000, SendTimeout = 2000 };
                try
                {
                    if (!s.ConnectAsync(target).Wait(TimeSpan.FromSeconds(2)))
                    {
                        answers.Add(string.Empty);
                        continue;
                    }

                    var n = 0;
                    int got;
                    while ((got = s.Receive(buffer, n, buffer.Length - n, SocketFlags.None)) > 0)
                    {
                        n += got;
                    }

                    answers.Add(Encoding.ASCII.GetString(buffer, 0, n));
                }
                catch (Exception e) when (e is SocketException or AggregateException)
                {
                    answers.Add(string.Empty);
                }
            }

            return (IReadOnlyList<string>)answers;
        });

    public void Dispose()
    {
        foreach (var (listener, acceptor) in _servers)
        {
            listener.Dispose();
            acceptor.Join(TimeSpan.FromSeconds(2));
        }
    }
}
