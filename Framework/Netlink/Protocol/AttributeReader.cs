using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace MizarNF.Netlink.Protocol;

/// <summary>Walks the attributes (struct nlattr) of a message or of a nested attribute, without copying.</summary>
internal ref struct AttributeReader(ReadOnlySpan<byte> attributes)
{
    private ReadOnlySpan<byte> _rest = attributes;

    /// <summary>The current attribute's type, without the nested and byte-order flags.</summary>
    public ushort Type { get; private set; }

    public ReadOnlySpan<byte> Value { get; private set; }

    public bool Next()
    {
        if (_rest.Length < 4)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
        if (length < 4 || length > _rest.Length)
        {
            return false; // malformed: stop rather than read past the message
        }

        Type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(_rest[2..]) & Nl.NLA_TYPE_MASK);
        Value = _rest[4..length];
        _rest = _rest[Math.Min(Nl.Align(length), _rest.Length)..];
        return true;
    }

    public readonly uint U32 => BinaryPrimitives.ReadUInt32LittleEndian(Value);

    /// <summary>A string attribute, up to its NUL.</summary>
    public readonly string String
    {
        get
        {
            var end = Value.IndexOf((byte)0);
            return Encoding.UTF8.GetString(end < 0 ? Value : Value[..end]);
        }
    }

    public readonly IPAddress Address => new(Value);
}
