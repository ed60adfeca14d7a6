using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_rev</c>: backend → client is rewritten back to come from the VIP.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_rev")]
public struct ReverseEntry : IEquatable<ReverseEntry>
{
    /// <summary>The VIP, network order.</summary>
    public uint Vip;

    /// <summary>The service port, network order.</summary>
    public ushort Vport;

    /// <summary>SVC_FLOW_* flags.</summary>
    public byte Flags;

    /// <summary>Padding.</summary>
    public byte Pad;

    /// <summary>Last refresh, bpf_ktime_get_ns.</summary>
    public ulong Seen;

    /// <summary>The VIP.</summary>
    public readonly IPAddress Address => Ipv4Prefix.FromNetworkOrder(Vip);

    /// <summary>The service port, host order.</summary>
    public readonly ushort HostPort => BinaryPrimitives.ReverseEndianness(Vport);

    /// <inheritdoc/>
    public readonly bool Equals(ReverseEntry other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ReverseEntry k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
