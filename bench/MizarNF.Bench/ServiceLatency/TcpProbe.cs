using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MizarNF.Bpf;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>What one client measured: TCP connect times and request (32 bytes echoed) times, in microseconds.</summary>
internal sealed record TcpTimes(IReadOnlyList<double> Connect, IReadOnlyList<double> Request, int Failures);

/// <summary>
/// A client in a pod's namespace: the whole loop runs on one thread that entered the namespace, so
/// every socket it makes is the pod's. Each round opens a new connection (a new 5-tuple: for
/// MizarNF, a flow the owning bouncer must decide), times connect(), then one request/response of
/// 32 bytes, then closes.
/// </summary>
internal static class TcpProbe
{
    public static TcpTimes Measure(string netns, IPEndPoint target, int rounds, int warmup, IProgress<int>? progress = null) =>
        NetworkNamespace.Run(netns, () =>
        {
            var connect = new List<double>(rounds);
            var request = new List<double>(rounds);
            var failures = 0;
            var payload = new byte[32];
            var reply = new byte[32];
            Random.Shared.NextBytes(payload);
            for (var i = 0; i < rounds + warmup; i++)
            {
                using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                s.SendTimeout = s.ReceiveTimeout = 2000;
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    if (!Connect(s, target))
                    {
                        failures++;
                        continue;
                    }

                    var t1 = Stopwatch.GetTimestamp();
                    s.Send(payload);
                    var got = 0;
                    while (got < reply.Length)
                    {
                        var n = s.Receive(reply, got, reply.Length - got, SocketFlags.None);
                        if (n == 0)
                        {
                            break;
                        }

                        got += n;
                    }

                    var t2 = Stopwatch.GetTimestamp();
                    if (got != reply.Length || !reply.AsSpan().SequenceEqual(payload))
                    {
                        failures++;
                        continue;
                    }

                    if (i >= warmup)
                    {
                        connect.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds);
                        request.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds);
                    }
                }
                catch (SocketException)
                {
                    failures++;
                }

                if (i % 50 == 0)
                {
                    progress?.Report(i);
                }
            }

            return new TcpTimes(connect, request, failures);
        });

    /// <summary>
    /// connect(2) without the thread hops of ConnectAsync: non-blocking, then poll for writability
    /// (at most 2 s, so a lost SYN fails the round instead of hanging for minutes).
    /// </summary>
    private static bool Connect(Socket s, IPEndPoint target)
    {
        s.Blocking = false;
        try
        {
            s.Connect(target);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
        {
            if (!s.Poll(2_000_000, SelectMode.SelectWrite) || s.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is not 0)
            {
                return false;
            }
        }

        s.Blocking = true;
        return true;
    }
}
