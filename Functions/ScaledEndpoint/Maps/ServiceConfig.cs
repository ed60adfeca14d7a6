using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.ScaledEndpoint.Maps;

/// <summary>Mirror of <c>struct svc_config</c> (zeros mean the data path's defaults: 300 s, 10 s, 1500).</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("svc_config")]
public struct ServiceConfig : IEquatable<ServiceConfig>
{
    /// <summary>Idle timeout of a cached flow, seconds.</summary>
    public uint IdleTimeoutS;

    /// <summary>Timeout of a flow after a FIN, seconds.</summary>
    public uint FinTimeoutS;

    /// <summary>The underlay MTU.</summary>
    public uint Mtu;

    /// <summary>Padding.</summary>
    public uint Pad;

    /// <inheritdoc/>
    public readonly bool Equals(ServiceConfig other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is ServiceConfig k && Equals(k);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
