namespace MizarNF.TestKit.Geneve;

/// <summary>
/// One Geneve option TLV (RFC 8926 §3.5): <c>class (16) | type (8, high bit = critical) |
/// reserved (3) | length (5, body in 4-byte words) | body</c>.
/// </summary>
public sealed record GeneveOption
{
    /// <summary>Bytes of the option header in front of the body.</summary>
    public const int HeaderLength = 4;

    /// <summary>The longest body the 5-bit length field can describe (31 words).</summary>
    public const int MaxBodyLength = 31 * 4;

    /// <summary>The critical bit of <see cref="Type"/>.</summary>
    public const byte CriticalBit = 0x80;

    private readonly byte[] body;

    /// <summary>Creates an option; <paramref name="body"/> is copied.</summary>
    /// <exception cref="ArgumentException">The body is not a multiple of 4 bytes or longer than 124.</exception>
    public GeneveOption(ushort optionClass, byte type, ReadOnlySpan<byte> body)
    {
        if (body.Length % 4 != 0 || body.Length > MaxBodyLength)
        {
            throw new ArgumentException(
                $"A Geneve option body is whole 4-byte words, at most {MaxBodyLength} bytes; got {body.Length} bytes.",
                nameof(body));
        }

        Class = optionClass;
        Type = type;
        this.body = body.ToArray();
    }

    /// <summary>The option class (who defines the type).</summary>
    public ushort Class { get; }

    /// <summary>The type, critical bit included.</summary>
    public byte Type { get; }

    /// <summary>Whether a receiver that does not know this option must drop the packet.</summary>
    public bool IsCritical => (Type & CriticalBit) != 0;

    /// <summary>The body (without the 4-byte option header).</summary>
    public ReadOnlyMemory<byte> Body => body;

    /// <summary>Bytes this option takes on the wire, header included.</summary>
    public int Length => HeaderLength + body.Length;

    /// <inheritdoc/>
    public bool Equals(GeneveOption? other) =>
        other is not null && Class == other.Class && Type == other.Type && body.AsSpan().SequenceEqual(other.body);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Class, Type, body.Length);

    /// <inheritdoc/>
    public override string ToString() =>
        $"GeneveOption {{ Class = 0x{Class:X4}, Type = 0x{Type:X2}, Body = {Convert.ToHexString(body)} }}";
}
