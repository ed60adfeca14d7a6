using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Composer.Node;

/// <summary>Mirror of <c>struct mnf_self</c> (bpf-templates/include/mnf/node.h).</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_self")]
public unsafe struct SelfEntry : IEquatable<SelfEntry>
{
    /// <summary>Underlay address, network order.</summary>
    public uint Ip;

    /// <summary>The main interface.</summary>
    public uint UnderlayIfindex;

    /// <summary>The main interface's MAC.</summary>
    public fixed byte Mac[6];

    /// <summary>The MAC pods see for their gateway.</summary>
    public fixed byte GwMac[6];

    /// <inheritdoc/>
    public readonly bool Equals(SelfEntry other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is SelfEntry e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
