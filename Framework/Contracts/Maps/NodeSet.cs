using System.Net;
using System.Runtime.InteropServices;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.Contracts.Maps;

/// <summary>Mirror of <c>struct mnf_node_set</c> (mnf/node.h): up to 8 nodes serving one role.</summary>
[StructLayout(LayoutKind.Sequential)]
[CStruct("mnf_node_set")]
public unsafe struct NodeSet : IEquatable<NodeSet>
{
    /// <summary>The most nodes a set holds (MNF_MAX_NODE_SET).</summary>
    public const int Capacity = 8;

    /// <summary>How many of <see cref="Ip"/> are used.</summary>
    public uint Count;

    /// <summary>Node addresses, network order.</summary>
    public fixed uint Ip[Capacity];

    /// <summary>A set of <paramref name="nodes"/>; throws when there are too many or duplicates.</summary>
    public static NodeSet Of(IReadOnlyList<IPAddress> nodes)
    {
        if (nodes.Count > Capacity)
        {
            throw new ControlValidationException($"at most {Capacity} nodes per set, got {nodes.Count}");
        }

        if (nodes.Distinct().Count() != nodes.Count)
        {
            throw new ControlValidationException($"a node appears twice in [{string.Join(", ", nodes)}]");
        }

        var set = new NodeSet { Count = (uint)nodes.Count };
        for (var i = 0; i < nodes.Count; i++)
        {
            set.Ip[i] = Ipv4Prefix.ToNetworkOrder(nodes[i]);
        }

        return set;
    }

    /// <summary>The nodes.</summary>
    public readonly IReadOnlyList<IPAddress> Nodes()
    {
        var list = new List<IPAddress>();
        for (var i = 0; i < Math.Min(Count, Capacity); i++)
        {
            list.Add(Ipv4Prefix.FromNetworkOrder(Ip[i]));
        }

        return list;
    }

    /// <inheritdoc/>
    public readonly bool Equals(NodeSet other) => StructBytes.Equal(this, other);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is NodeSet s && Equals(s);

    /// <inheritdoc/>
    public override readonly int GetHashCode() => StructBytes.Hash(this);
}
