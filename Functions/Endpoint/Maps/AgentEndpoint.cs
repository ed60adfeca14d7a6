using System.Runtime.InteropServices;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;

namespace MizarNF.Functions.Endpoint.Maps;

/// <summary>Mirror of <c>struct mnf_agent_ep</c>: the endpoint behind a node-side veth.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_agent_ep")]
public unsafe struct AgentEndpoint : IEquatable<AgentEndpoint>
{
    /// <summary>The VPC's VNI.</summary>
    public uint Vni;

    /// <summary>The endpoint's address, network order.</summary>
    public uint Ip;

    /// <summary>Its subnet's gateway, network order.</summary>
    public uint GwIp;

    /// <summary>The pod's MAC.</summary>
    public fixed byte Mac[6];

    /// <summary>Padding.</summary>
    public ushort Pad;

    /// <inheritdoc/>
    public readonly bool Equals(AgentEndpoint other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is AgentEndpoint e && Equals(e);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
