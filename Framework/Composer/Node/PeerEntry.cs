using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Composer.Node;

/// <summary>Mirror of <c>struct mnf_peer</c>: a known node's next-hop MAC on the underlay.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_peer")]
public unsafe struct PeerEntry : IEquatable<PeerEntry>
{
    /// <summary>Next-hop MAC.</summary>
    public fixed byte Mac[6];

    /// <summary>Reserved.</summary>
    public ushort Flags;

    /// <inheritdoc/>
    public readonly bool Equals(PeerEntry other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is PeerEntry e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
