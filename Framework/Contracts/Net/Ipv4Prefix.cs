using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace MizarNF.Contracts.Net;

/// <summary>An IPv4 CIDR such as 10.0.0.0/16, validated (host bits must be zero).</summary>
public readonly record struct Ipv4Prefix(uint Network, int Length)
{
    /// <summary>The network address.</summary>
    public IPAddress Address => new(BinaryPrimitives.ReverseEndianness(Network));

    /// <summary>The netmask as a host-order integer.</summary>
    public uint Mask => Length == 0 ? 0u : uint.MaxValue << (32 - Length);

    /// <summary>Number of addresses in the prefix.</summary>
    public ulong Size => 1UL << (32 - Length);

    /// <summary>Parses "a.b.c.d/n"; throws <see cref="FormatException"/> with the reason.</summary>
    public static Ipv4Prefix Parse(string text)
    {
        if (!TryParse(text, out var prefix, out var error))
        {
            throw new FormatException(error);
        }

        return prefix;
    }

    /// <summary>Parses "a.b.c.d/n", saying why not when it fails.</summary>
    public static bool TryParse(string? text, out Ipv4Prefix prefix, out string error)
    {
        prefix = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0)
        {
            error = $"'{text}' is not a CIDR (expected a.b.c.d/n)";
            return false;
        }

        if (!IPAddress.TryParse(text[..slash], out var ip) || ip.AddressFamily != AddressFamily.InterNetwork || text[..slash].Count(c => c == '.') != 3)
        {
            error = $"'{text}' is not a CIDR: '{text[..slash]}' is not an IPv4 address";
            return false;
        }

        if (!int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var len) || len > 32)
        {
            error = $"'{text}' is not a CIDR: the prefix length must be 0 to 32";
            return false;
        }

        var host = ToHostOrder(ip);
        var candidate = new Ipv4Prefix(host, len);
        if ((host & ~candidate.Mask) != 0)
        {
            error = $"'{text}' is not a CIDR: host bits are set (did you mean {new Ipv4Prefix(host & candidate.Mask, len)}?)";
            return false;
        }

        prefix = candidate;
        error = string.Empty;
        return true;
    }

    /// <summary>True when <paramref name="ip"/> lies inside.</summary>
    public bool Contains(IPAddress ip) => ip.AddressFamily == AddressFamily.InterNetwork && (ToHostOrder(ip) & Mask) == Network;

    /// <summary>True when <paramref name="other"/> lies entirely inside.</summary>
    public bool Contains(Ipv4Prefix other) => other.Length >= Length && (other.Network & Mask) == Network;

    /// <summary>True when the two share any address.</summary>
    public bool Overlaps(Ipv4Prefix other) => Contains(other) || other.Contains(this);

    /// <summary>The address at <paramref name="offset"/> from the network address.</summary>
    public IPAddress At(ulong offset) => offset >= Size
        ? throw new ArgumentOutOfRangeException(nameof(offset), $"{offset} is outside {this}")
        : new IPAddress(BinaryPrimitives.ReverseEndianness(Network + (uint)offset));

    /// <summary>An IPv4 address as a host-order integer.</summary>
    public static uint ToHostOrder(IPAddress ip) => BinaryPrimitives.ReadUInt32BigEndian(ip.GetAddressBytes());

    /// <summary>An IPv4 address as the network-order integer a BPF map holds (__be32 on little-endian).</summary>
    public static uint ToNetworkOrder(IPAddress ip) => BitConverter.ToUInt32(ip.GetAddressBytes());

    /// <summary>The reverse of <see cref="ToNetworkOrder"/>.</summary>
    public static IPAddress FromNetworkOrder(uint be) => new(be);

    /// <inheritdoc/>
    public override string ToString() => $"{Address}/{Length}";
}
