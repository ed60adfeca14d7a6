using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MizarNF.Bpf;

namespace MizarNF.Bench.Provisioning;

/// <summary>
/// Pings from inside a pod's namespace without starting a process: a raw ICMP socket is made on a
/// thread that entered the namespace (a socket stays in the namespace it was made in), then used
/// from the caller. A ping process costs several milliseconds of its own, which would be counted
/// as provisioning time.
/// </summary>
internal sealed class IcmpProbe : IDisposable
{
    private readonly Socket _socket;
    private readonly ushort _id = (ushort)Random.Shared.Next(1, 0xffff);
    private readonly byte[] _receive = new byte[1500];
    private ushort _sequence;

    /// <summary>Opens the probe in <paramref name="netns"/> (a name under /var/run/netns or a path).</summary>
    public IcmpProbe(string netns) =>
        _socket = NetworkNamespace.Run(netns, () => new Socket(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Icmp));

    /// <summary>
    /// Sends echo requests to <paramref name="target"/> until one is answered; each waits at most
    /// <paramref name="perTry"/>. Returns false when none was answered within <paramref name="budget"/>.
    /// </summary>
    public bool WaitReachable(IPAddress target, TimeSpan perTry, TimeSpan budget)
    {
        var end = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        var remote = new IPEndPoint(target, 0);
        Span<byte> request = stackalloc byte[16];
        while (Stopwatch.GetTimestamp() < end)
        {
            var seq = ++_sequence;
            request.Clear();
            request[0] = 8; // echo request
            BinaryPrimitives.WriteUInt16BigEndian(request[4..], _id);
            BinaryPrimitives.WriteUInt16BigEndian(request[6..], seq);
            BinaryPrimitives.WriteUInt16BigEndian(request[2..], Checksum(request));
            _socket.SendTo(request, remote);
            if (AwaitReply(target, seq, Stopwatch.GetTimestamp() + (long)(perTry.TotalSeconds * Stopwatch.Frequency)))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _socket.Dispose();

    private bool AwaitReply(IPAddress target, ushort seq, long deadline)
    {
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            var left = (deadline - Stopwatch.GetTimestamp()) * 1_000_000 / Stopwatch.Frequency;
            if (left <= 0 || !_socket.Poll((int)left, SelectMode.SelectRead))
            {
                return false;
            }

            var n = _socket.ReceiveFrom(_receive, ref from);
            var ihl = (_receive[0] & 0x0f) * 4;
            if (n < ihl + 8 || !((IPEndPoint)from).Address.Equals(target))
            {
                continue;
            }

            var icmp = _receive.AsSpan(ihl, n - ihl);
            if (icmp[0] == 0 && BinaryPrimitives.ReadUInt16BigEndian(icmp[4..]) == _id && BinaryPrimitives.ReadUInt16BigEndian(icmp[6..]) == seq)
            {
                return true;
            }
        }
    }

    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        while (sum > 0xffff)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
