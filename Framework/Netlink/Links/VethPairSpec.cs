using System.Net.NetworkInformation;

namespace MizarNF.Netlink;

/// <summary>A veth pair: <see cref="Name"/> in the client's namespace, <see cref="PeerName"/> in <see cref="PeerNetns"/> (or beside it).</summary>
/// <param name="Name">The local end.</param>
/// <param name="PeerName">The other end, under its final name in its namespace.</param>
public sealed record VethPairSpec(string Name, string PeerName)
{
    /// <summary>Both ends' MTU; null leaves the kernel's default (1500).</summary>
    public int? Mtu { get; init; }

    /// <summary>The local end's MAC; null lets the kernel pick one.</summary>
    public PhysicalAddress? Mac { get; init; }

    /// <summary>The peer's MAC; null lets the kernel pick one.</summary>
    public PhysicalAddress? PeerMac { get; init; }

    /// <summary>Where the peer is made: an <c>ip netns</c> name or a path (/proc/PID/ns/net); null for the client's namespace.</summary>
    public string? PeerNetns { get; init; }
}
