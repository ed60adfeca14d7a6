using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_fwd</c>: a cached decision, client → VIP becomes → backend.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_fwd")]
public struct ForwardEntry : IEquatable<ForwardEntry>
{
    /// <summary>The backend, network order.</summary>
    public uint Ip;

    /// <summary>The backend's node, network order.</summary>
    public uint Host;

    /// <summary>The backend's port, network order.</summary>
    public ushort Port;

    /// <summary>SVC_FLOW_* flags (1 = closing).</summary>
    public byte Flags;

    /// <summary>Padding.</summary>
    public byte Pad;

    /// <summary>Padding.</summary>
    public uint Pad2;

    /// <summary>Last refresh, bpf_ktime_get_ns (CLOCK_MONOTONIC).</summary>
    public ulong Seen;

    /// <summary>The backend's address.</summary>
    public readonly IPAddress Address => Ipv4Prefix.FromNetworkOrder(Ip);

    /// <summary>The backend's node.</summary>
    public readonly IPAddress HostAddress => Ipv4Prefix.FromNetworkOrder(Host);

    /// <summary>The backend's port, host order.</summary>
    public readonly ushort HostPort => BinaryPrimitives.ReverseEndianness(Port);

    /// <inheritdoc/>
    public readonly bool Equals(ForwardEntry other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ForwardEntry k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
