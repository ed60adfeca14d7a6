using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.Bouncer.Maps;

/// <summary>Mirror of <c>struct mnf_bn_ep</c> (bpf/include/bouncer_structs.h).</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_bn_ep")]
public unsafe struct BouncedEndpoint : IEquatable<BouncedEndpoint>
{
    /// <summary>The host, network order.</summary>
    public uint Host;

    /// <summary>The endpoint's MAC.</summary>
    public fixed byte Mac[6];

    /// <summary>Padding.</summary>
    public ushort Pad;

    /// <inheritdoc/>
    public readonly bool Equals(BouncedEndpoint other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is BouncedEndpoint e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
