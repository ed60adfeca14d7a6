using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace MizarNF.Netlink.Protocol;

/// <summary>
/// Builds one netlink message in a caller's buffer: the nlmsghdr, a fixed family header, then
/// attributes (struct nlattr, 4-byte aligned), nested ones closed by <see cref="EndNested"/>.
/// The buffer is reused between messages, so padding is written as zeros.
/// </summary>
internal ref struct MessageWriter
{
    private const int AttributeHeader = 4;
    private readonly Span<byte> _buffer;
    private int _length;

    public MessageWriter(Span<byte> buffer, ushort type, ushort flags, uint seq)
    {
        _buffer = buffer;
        var header = new NlMsgHdr { Type = type, Flags = flags, Seq = seq };
        MemoryMarshal.Write(buffer, in header);
        _length = Unsafe.SizeOf<NlMsgHdr>();
    }

    /// <summary>The family header (ifinfomsg, ifaddrmsg, rtmsg), right after the nlmsghdr or a VETH_INFO_PEER attribute header.</summary>
    public void Header<T>(in T value)
        where T : unmanaged
    {
        MemoryMarshal.Write(_buffer[_length..], in value);
        Pad(_length + Unsafe.SizeOf<T>());
    }

    public void Attribute(ushort type, scoped ReadOnlySpan<byte> value)
    {
        var start = _length;
        WriteAttributeHeader(type, AttributeHeader + value.Length);
        value.CopyTo(_buffer[(start + AttributeHeader)..]);
        Pad(start + AttributeHeader + value.Length);
    }

    public void U32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Attribute(type, bytes);
    }

    /// <summary>A NUL-terminated string (NLA_STRING and NLA_NUL_STRING both accept it).</summary>
    public void String(ushort type, string value)
    {
        var start = _length;
        var count = Encoding.UTF8.GetBytes(value, _buffer[(start + AttributeHeader)..]);
        _buffer[start + AttributeHeader + count] = 0;
        WriteAttributeHeader(type, AttributeHeader + count + 1);
        Pad(start + AttributeHeader + count + 1);
    }

    /// <summary>An IPv4 address in network order, as the kernel keeps it.</summary>
    public void IPv4(ushort type, System.Net.IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (!address.TryWriteBytes(bytes, out var written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address", nameof(address));
        }

        Attribute(type, bytes);
    }

    /// <summary>Opens a nested attribute; returns where it starts, for <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        var start = _length;
        WriteAttributeHeader(type, AttributeHeader);
        _length += AttributeHeader;
        return start;
    }

    public readonly void EndNested(int start) =>
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[start..], checked((ushort)(_length - start)));

    /// <summary>Writes the total length into the nlmsghdr; the message is what is returned.</summary>
    public readonly ReadOnlySpan<byte> Finish()
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)_length);
        return _buffer[.._length];
    }

    private readonly void WriteAttributeHeader(ushort type, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[_length..], checked((ushort)length));
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer[(_length + 2)..], type);
    }

    private void Pad(int end)
    {
        var aligned = Nl.Align(end);
        _buffer[end..aligned].Clear();
        _length = aligned;
    }
}
