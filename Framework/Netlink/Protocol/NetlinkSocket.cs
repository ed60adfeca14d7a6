using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MizarNF.Netlink.Interop;

namespace MizarNF.Netlink.Protocol;

/// <summary>
/// One AF_NETLINK/NETLINK_ROUTE socket. A netlink socket stays in the network namespace it was
/// created in, whatever thread later uses it. Not thread-safe: <see cref="RtnetlinkClient"/> holds a lock.
/// </summary>
internal sealed unsafe class NetlinkSocket : IDisposable
{
    /// <summary>
    /// The kernel sizes a dump's messages to the largest buffer its reader has offered (netlink_dump
    /// after netlink_recvmsg; at least NLMSG_GOODSIZE, under 8 KiB), so one always fits; a single
    /// reply (a link without statistics) is far smaller. Rented: a client per pod must stay cheap.
    /// </summary>
    private const int ReceiveSize = 16 * 1024;

    /// <summary>The kernel always answers; a socket that does not is a bug, not a wait.</summary>
    private const int ReceiveTimeoutSeconds = 10;

    private readonly FileDescriptor _fd;
    private readonly byte[] _receive = ArrayPool<byte>.Shared.Rent(ReceiveSize);
    private uint _seq;

    private NetlinkSocket(FileDescriptor fd) => _fd = fd;

    internal delegate void MessageHandler<TState>(ushort type, ReadOnlySpan<byte> payload, TState state);

    /// <summary>The socket's descriptor, for ioctls that any socket of the namespace can carry.</summary>
    internal FileDescriptor Descriptor => _fd;

    /// <summary>Opens a socket in the calling thread's network namespace.</summary>
    internal static NetlinkSocket Open(string? netns)
    {
        var fd = Libc.socket(Libc.AF_NETLINK, Libc.SOCK_RAW | Libc.SOCK_CLOEXEC, Libc.NETLINK_ROUTE);
        if (fd < 0)
        {
            throw new NetlinkException("socket(AF_NETLINK, NETLINK_ROUTE)", Marshal.GetLastPInvokeError(), netns: netns);
        }

        var handle = new FileDescriptor(fd);
        try
        {
            var one = 1;
            // Errors carry the kernel's text, and not the whole request echoed back.
            SetOption(fd, Libc.SOL_NETLINK, Libc.NETLINK_EXT_ACK, &one, sizeof(int), netns);
            SetOption(fd, Libc.SOL_NETLINK, Libc.NETLINK_CAP_ACK, &one, sizeof(int), netns);
            var timeout = stackalloc long[2] { ReceiveTimeoutSeconds, 0 };
            SetOption(fd, Libc.SOL_SOCKET, Libc.SO_RCVTIMEO, timeout, 16, netns);

            // struct sockaddr_nl: family, pad, port id 0 (the kernel picks one), no groups.
            var address = stackalloc byte[12];
            new Span<byte>(address, 12).Clear();
            *(ushort*)address = Libc.AF_NETLINK;
            if (Libc.bind(fd, address, 12) != 0)
            {
                throw new NetlinkException("bind(AF_NETLINK)", Marshal.GetLastPInvokeError(), netns: netns);
            }

            return new NetlinkSocket(handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    internal uint NextSeq() => ++_seq;

    /// <summary>
    /// Sends <paramref name="request"/> and reads until its answer is complete: the ack (an
    /// NLMSG_ERROR of 0), an error, or NLMSG_DONE of a dump. Each data message goes to
    /// <paramref name="handler"/>. Messages of an earlier sequence (a request abandoned midway) are skipped.
    /// </summary>
    internal void Transact<TState>(ReadOnlySpan<byte> request, MessageHandler<TState>? handler, TState state, in Failure failure)
    {
        var seq = BinaryPrimitives.ReadUInt32LittleEndian(request[8..]);
        Send(request, failure);
        while (true)
        {
            var received = Receive(failure);
            var rest = _receive.AsSpan(0, received);
            while (rest.Length >= Unsafe.SizeOf<NlMsgHdr>())
            {
                var header = MemoryMarshal.Read<NlMsgHdr>(rest);
                if (header.Length < Unsafe.SizeOf<NlMsgHdr>() || header.Length > rest.Length)
                {
                    throw failure.With(Errno.EINVAL, $"malformed netlink message (length {header.Length} of {rest.Length})");
                }

                var payload = rest[Unsafe.SizeOf<NlMsgHdr>()..(int)header.Length];
                rest = rest[Math.Min(Nl.Align((int)header.Length), rest.Length)..];
                if (header.Seq != seq)
                {
                    continue;
                }

                switch (header.Type)
                {
                    case Nl.NLMSG_ERROR:
                        var error = -BinaryPrimitives.ReadInt32LittleEndian(payload);
                        if (error == 0)
                        {
                            return;
                        }

                        throw failure.With(error, ExtendedAck(header.Flags, payload));
                    case Nl.NLMSG_DONE:
                        var status = payload.Length >= 4 ? -BinaryPrimitives.ReadInt32LittleEndian(payload) : 0;
                        if (status > 0)
                        {
                            throw failure.With(status, ExtendedAck(header.Flags, payload));
                        }

                        return;
                    default:
                        handler?.Invoke(header.Type, payload, state);
                        if ((header.Flags & Nl.NLM_F_MULTI) == 0 && (BinaryPrimitives.ReadUInt16LittleEndian(request[6..]) & Nl.NLM_F_ACK) == 0)
                        {
                            return; // a single reply to a get without an ack
                        }

                        break;
                }
            }
        }
    }

    public void Dispose()
    {
        if (!_fd.IsClosed)
        {
            _fd.Dispose();
            ArrayPool<byte>.Shared.Return(_receive);
        }
    }

    private static void SetOption(int fd, int level, int name, void* value, uint length, string? netns)
    {
        if (Libc.setsockopt(fd, level, name, value, length) != 0)
        {
            throw new NetlinkException($"setsockopt({level}, {name})", Marshal.GetLastPInvokeError(), netns: netns);
        }
    }

    /// <summary>NLMSGERR_ATTR_MSG from the attributes after struct nlmsgerr, when the kernel added them.</summary>
    private static string? ExtendedAck(ushort flags, ReadOnlySpan<byte> payload)
    {
        if ((flags & Nl.NLM_F_ACK_TLVS) == 0 || payload.Length < 4 + Unsafe.SizeOf<NlMsgHdr>())
        {
            return null;
        }

        // struct nlmsgerr: int error, then the request's header (and its payload unless capped).
        var echoed = (flags & Nl.NLM_F_CAPPED) != 0
            ? Unsafe.SizeOf<NlMsgHdr>()
            : (int)BinaryPrimitives.ReadUInt32LittleEndian(payload[4..]);
        var start = 4 + Nl.Align(echoed);
        if (start > payload.Length)
        {
            return null;
        }

        var attributes = new AttributeReader(payload[start..]);
        while (attributes.Next())
        {
            if (attributes.Type == Nl.NLMSGERR_ATTR_MSG)
            {
                return attributes.String;
            }
        }

        return null;
    }

    private void Send(ReadOnlySpan<byte> request, in Failure failure)
    {
        bool added = false;
        _fd.DangerousAddRef(ref added);
        try
        {
            fixed (byte* data = request)
            {
                while (true)
                {
                    var sent = Libc.send(_fd.Fd, data, (nuint)request.Length, 0);
                    if (sent == request.Length)
                    {
                        return;
                    }

                    var errno = sent < 0 ? Marshal.GetLastPInvokeError() : Errno.EINVAL;
                    if (errno != Errno.EINTR)
                    {
                        throw failure.With(errno, sent < 0 ? "send" : $"short send ({sent} of {request.Length} bytes)");
                    }
                }
            }
        }
        finally
        {
            _fd.DangerousRelease();
        }
    }

    private int Receive(in Failure failure)
    {
        bool added = false;
        _fd.DangerousAddRef(ref added);
        try
        {
            fixed (byte* data = _receive)
            {
                while (true)
                {
                    // MSG_TRUNC: the real length comes back even if the buffer were too small.
                    var received = Libc.recv(_fd.Fd, data, (nuint)_receive.Length, Libc.MSG_TRUNC);
                    if (received > _receive.Length)
                    {
                        throw failure.With(Errno.EINVAL, $"a {received}-byte netlink message does not fit the {_receive.Length}-byte buffer");
                    }

                    if (received >= 0)
                    {
                        return (int)received;
                    }

                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Errno.EAGAIN)
                    {
                        throw failure.With(errno, $"no answer from the kernel within {ReceiveTimeoutSeconds} s");
                    }

                    // SO_RCVTIMEO makes recv return EINTR on a signal (the runtime's own, too) instead of restarting.
                    if (errno != Errno.EINTR)
                    {
                        throw failure.With(errno, "recv");
                    }
                }
            }
        }
        finally
        {
            _fd.DangerousRelease();
        }
    }
}
