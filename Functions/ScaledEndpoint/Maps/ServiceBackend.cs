using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_backend</c>: one Maglev slot, the backend a flow goes to.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_backend")]
public struct ServiceBackend : IEquatable<ServiceBackend>
{
    /// <summary>The backend's address, network order.</summary>
    public uint Ip;

    /// <summary>The node hosting it, network order.</summary>
    public uint Host;

    /// <summary>The backend's port, network order.</summary>
    public ushort Port;

    /// <summary>Padding.</summary>
    public ushort Pad;

    /// <inheritdoc/>
    public readonly bool Equals(ServiceBackend other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ServiceBackend k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
