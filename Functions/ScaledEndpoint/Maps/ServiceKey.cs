using System.Buffers.Binary;
using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_key</c>: one service port {VNI, ClusterIP, port, protocol}.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_key")]
public struct ServiceKey : IEquatable<ServiceKey>
{
    /// <summary>The VPC's VNI.</summary>
    public uint Vni;

    /// <summary>The ClusterIP, network order.</summary>
    public uint Ip;

    /// <summary>The port, network order.</summary>
    public ushort Port;

    /// <summary>The IP protocol (6 or 17).</summary>
    public byte Proto;

    /// <summary>Padding.</summary>
    public byte Pad;

    /// <summary>Creates a key from host-order values.</summary>
    public ServiceKey(uint vni, IPAddress ip, ushort port, byte proto)
    {
        Vni = vni;
        Ip = Ipv4Prefix.ToNetworkOrder(ip);
        Port = BinaryPrimitives.ReverseEndianness(port);
        Proto = proto;
    }

    /// <summary>The ClusterIP.</summary>
    public readonly IPAddress Address => Ipv4Prefix.FromNetworkOrder(Ip);

    /// <summary>The port, host order.</summary>
    public readonly ushort HostPort => BinaryPrimitives.ReverseEndianness(Port);

    /// <inheritdoc/>
    public readonly bool Equals(ServiceKey other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ServiceKey k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);

    /// <inheritdoc/>
    public override readonly string ToString() => $"{Vni}/{Address}:{HostPort}/{ServiceProtocols.Name(Proto)}";
}
