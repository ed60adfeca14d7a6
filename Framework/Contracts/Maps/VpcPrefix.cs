using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MizarNF.Contracts.Net;

namespace MizarNF.Contracts.Maps;

/// <summary>Mirror of <c>struct mnf_vpc_prefix</c>: an LPM trie key of VNI bits then IPv4 prefix bits.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_vpc_prefix")]
public struct VpcPrefix : IEquatable<VpcPrefix>
{
    /// <summary>Bits that count: 32 of VNI plus the prefix length.</summary>
    [CField("prefixlen")]
    public uint PrefixLen;

    /// <summary>VNI, big-endian (the trie matches bits in memory order).</summary>
    public uint Vni;

    /// <summary>Network address, network order.</summary>
    public uint Ip;

    /// <summary>The key for <paramref name="prefix"/> in VPC <paramref name="vni"/>.</summary>
    public VpcPrefix(uint vni, Ipv4Prefix prefix)
    {
        PrefixLen = 32u + (uint)prefix.Length;
        Vni = BinaryPrimitives.ReverseEndianness(vni);
        Ip = BinaryPrimitives.ReverseEndianness(prefix.Network);
    }

    /// <summary>The VNI in host order.</summary>
    public readonly uint HostVni => BinaryPrimitives.ReverseEndianness(Vni);

    /// <summary>The prefix.</summary>
    public readonly Ipv4Prefix Prefix => new(BinaryPrimitives.ReverseEndianness(Ip), (int)PrefixLen - 32);

    /// <inheritdoc/>
    public readonly bool Equals(VpcPrefix other) => PrefixLen == other.PrefixLen && Vni == other.Vni && Ip == other.Ip;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is VpcPrefix p && Equals(p);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(PrefixLen, Vni, Ip);
}
