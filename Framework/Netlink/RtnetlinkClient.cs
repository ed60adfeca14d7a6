using System.Buffers;
using MizarNF.Bpf;
using MizarNF.Netlink.Protocol;

namespace MizarNF.Netlink;

/// <summary>
/// rtnetlink in one network namespace: links, veth pairs, IPv4 addresses and routes, and the
/// ethtool offloads. The socket is made inside the namespace (one setns of the opening thread,
/// there and back), and a socket stays bound to the namespace it was made in, so afterwards any
/// thread may use the client and none changes namespace. Calls are serialized by a lock; open
/// one client per thread for parallel work.
/// </summary>
public sealed partial class RtnetlinkClient : IDisposable
{
    /// <summary>Every request this library sends fits: a veth pair with both MACs is under 200 bytes.</summary>
    private const int SendSize = 1024;

    private readonly NetlinkSocket _socket;
    private readonly byte[] _send = ArrayPool<byte>.Shared.Rent(SendSize);
    private readonly Lock _lock = new();
    private bool _disposed;

    private RtnetlinkClient(NetlinkSocket socket, string? netns)
    {
        _socket = socket;
        Netns = netns;
    }

    /// <summary>The namespace as given to <see cref="Open(string)"/>; null for the opener's own.</summary>
    public string? Netns { get; }

    /// <summary>A client of the calling thread's network namespace.</summary>
    public static RtnetlinkClient Open() => new(NetlinkSocket.Open(null), null);

    /// <summary>A client of <paramref name="netns"/>: an <c>ip netns</c> name or a path such as /proc/PID/ns/net.</summary>
    public static RtnetlinkClient Open(string netns)
    {
        var path = Namespaces.NetnsPath.Resolve(netns);
        IDisposable scope;
        try
        {
            scope = NetworkNamespace.Enter(path);
        }
        catch (BpfException e)
        {
            throw new NetlinkException("enter network namespace (setns)", e.Errno, path, netns, inner: e);
        }

        using (scope)
        {
            return new RtnetlinkClient(NetlinkSocket.Open(netns), netns);
        }
    }

    /// <summary>Closes the socket; waits for a call in progress on another thread.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _socket.Dispose();
            ArrayPool<byte>.Shared.Return(_send);
        }
    }

    /// <summary>A request that only wants its ack.</summary>
    private void Execute(ReadOnlySpan<byte> request, string operation, string? target) =>
        _socket.Transact<object?>(request, null, null, new Failure(operation, target, Netns));

    /// <summary>Starts a request in the send buffer; callers hold the lock.</summary>
    private MessageWriter Begin(ushort type, ushort flags)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new(_send, type, (ushort)(Nl.NLM_F_REQUEST | flags), _socket.NextSeq());
    }
}
