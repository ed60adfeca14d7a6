using System.Runtime.InteropServices;
using MizarNF.Contracts;

namespace MizarNF.Functions.Endpoint.Maps;

/// <summary>Mirror of <c>struct mnf_learnt</c>: the host an endpoint was learnt on.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_learnt")]
public struct LearntHost : IEquatable<LearntHost>
{
    /// <summary>Host, network order.</summary>
    public uint Host;

    /// <summary>Padding.</summary>
    public uint Pad;

    /// <inheritdoc/>
    public readonly bool Equals(LearntHost other) => Host == other.Host && Pad == other.Pad;

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is LearntHost e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => HashCode.Combine(Host, Pad);
}
