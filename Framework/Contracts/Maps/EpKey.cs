using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts.Net;

namespace MizarNF.Contracts.Maps;

/// <summary>Mirror of <c>struct mnf_ep_key</c> (bpf-templates/include/mnf/vpc.h): one address in one VPC.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_ep_key")]
public struct EpKey : IEquatable<EpKey>
{
    /// <summary>The VPC's VNI (host order).</summary>
    public uint Vni;

    /// <summary>The address, network order.</summary>
    public uint Ip;

    /// <summary>Creates a key.</summary>
    public EpKey(uint vni, IPAddress ip)
    {
        Vni = vni;
        Ip = Ipv4Prefix.ToNetworkOrder(ip);
    }

    /// <summary>The address.</summary>
    public readonly IPAddress Address => Ipv4Prefix.FromNetworkOrder(Ip);

    /// <inheritdoc/>
    public readonly bool Equals(EpKey other) => Vni == other.Vni && Ip == other.Ip;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is EpKey k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Vni, Ip);

    /// <inheritdoc/>
    public override readonly string ToString() => $"{Vni}/{Address}";
}
