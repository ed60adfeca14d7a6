using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.Endpoint.Maps;

/// <summary>Mirror of <c>struct mnf_local_ep</c> (bpf/include/endpoint_structs.h).</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_local_ep")]
public unsafe struct LocalEndpoint : IEquatable<LocalEndpoint>
{
    /// <summary>The node-side veth.</summary>
    public uint Ifindex;

    /// <summary>The pod's MAC.</summary>
    public fixed byte Mac[6];

    /// <summary>Padding.</summary>
    public ushort Pad;

    /// <inheritdoc/>
    public readonly bool Equals(LocalEndpoint other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is LocalEndpoint e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
