using System.Globalization;

namespace MizarNF.Contracts.Net;

/// <summary>An Ethernet MAC address, parsed strictly ("aa:bb:cc:dd:ee:ff").</summary>
public readonly record struct MacAddress(ulong Value)
{
    /// <summary>Parses "aa:bb:cc:dd:ee:ff" (or with dashes); throws <see cref="FormatException"/> saying why not.</summary>
    public static MacAddress Parse(string? text)
    {
        var parts = text?.Split(':', '-') ?? [];
        if (parts.Length != 6 || parts.Any(p => p.Length != 2))
        {
            throw new FormatException($"'{text}' is not a MAC address (expected six hex octets like 02:00:00:00:00:01)");
        }

        ulong v = 0;
        foreach (var p in parts)
        {
            if (!byte.TryParse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                throw new FormatException($"'{text}' is not a MAC address: '{p}' is not a hex octet");
            }

            v = (v << 8) | b;
        }

        return new MacAddress(v);
    }

    /// <summary>The six bytes in wire order.</summary>
    public byte[] GetBytes()
    {
        var b = new byte[6];
        CopyTo(b);
        return b;
    }

    /// <summary>Writes the six bytes in wire order.</summary>
    public void CopyTo(Span<byte> destination)
    {
        for (var i = 0; i < 6; i++)
        {
            destination[i] = (byte)(Value >> (8 * (5 - i)));
        }
    }

    /// <summary>Reads six bytes in wire order.</summary>
    public static MacAddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        ulong v = 0;
        for (var i = 0; i < 6; i++)
        {
            v = (v << 8) | bytes[i];
        }

        return new MacAddress(v);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(':', GetBytes().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
