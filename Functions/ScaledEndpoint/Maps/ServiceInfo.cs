using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_info</c>: a service this node owns and where its Maglev table lies.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_info")]
public struct ServiceInfo : IEquatable<ServiceInfo>
{
    /// <summary>First slot of the table in <c>svc_maglev</c>.</summary>
    public uint Base;

    /// <summary>The table's size M (a prime), 0 without backends.</summary>
    public uint Size;

    /// <summary>Number of backends.</summary>
    public uint Count;

    /// <summary>ClientIP affinity timeout in seconds, 0 = none.</summary>
    public uint AffTimeout;

    /// <summary>Hash of the backend set and table size (affinity entries of another generation are stale).</summary>
    public uint Gen;

    /// <summary>Padding.</summary>
    public uint Pad;

    /// <inheritdoc/>
    public readonly bool Equals(ServiceInfo other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ServiceInfo k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
