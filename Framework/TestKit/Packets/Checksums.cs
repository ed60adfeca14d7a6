using System.Buffers.Binary;

namespace MizarNF.TestKit.Packets;

/// <summary>The Internet checksum (RFC 1071), to check packets independently of PacketDotNet.</summary>
public static class Checksums
{
    /// <summary>The one's complement of the one's complement sum of <paramref name="data"/>'s 16-bit words.</summary>
    public static ushort InternetChecksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>
    /// Whether the IPv4 header at the start of <paramref name="ipHeader"/> has a valid header
    /// checksum. The header's length comes from its IHL, so the span may run on into the payload.
    /// </summary>
    /// <exception cref="ArgumentException">Not IPv4, IHL below 5, or the span is shorter than the header.</exception>
    public static bool Ipv4ChecksumValid(ReadOnlySpan<byte> ipHeader)
    {
        if (ipHeader.IsEmpty || ipHeader[0] >> 4 != 4)
        {
            throw new ArgumentException("Not an IPv4 header (version is not 4).", nameof(ipHeader));
        }

        var length = (ipHeader[0] & 0x0F) * 4;
        if (length < 20 || ipHeader.Length < length)
        {
            throw new ArgumentException($"IPv4 header of {length} bytes (IHL) in a span of {ipHeader.Length}.", nameof(ipHeader));
        }

        // Summing a header over its own checksum gives 0xFFFF, whose complement is 0.
        return InternetChecksum(ipHeader[..length]) == 0;
    }
}
