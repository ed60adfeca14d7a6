using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_flow_key</c>: a flow in one VPC, as on the wire.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_flow_key")]
public unsafe struct FlowKey : IEquatable<FlowKey>
{
    /// <summary>The VPC's VNI.</summary>
    public uint Vni;

    /// <summary>Source address, network order.</summary>
    public uint Saddr;

    /// <summary>Destination address, network order.</summary>
    public uint Daddr;

    /// <summary>Source port, network order.</summary>
    public ushort Sport;

    /// <summary>Destination port, network order.</summary>
    public ushort Dport;

    /// <summary>IP protocol.</summary>
    public byte Proto;

    /// <summary>Padding.</summary>
    public fixed byte Pad[3];

    /// <summary>Creates a key from host-order values.</summary>
    public FlowKey(uint vni, IPAddress saddr, ushort sport, IPAddress daddr, ushort dport, byte proto)
    {
        Vni = vni;
        Saddr = Ipv4Prefix.ToNetworkOrder(saddr);
        Daddr = Ipv4Prefix.ToNetworkOrder(daddr);
        Sport = BinaryPrimitives.ReverseEndianness(sport);
        Dport = BinaryPrimitives.ReverseEndianness(dport);
        Proto = proto;
    }

    /// <inheritdoc/>
    public readonly bool Equals(FlowKey other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is FlowKey k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
