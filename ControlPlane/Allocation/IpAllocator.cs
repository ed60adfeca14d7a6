using System.Net;
using MizarNF.Contracts.Net;

namespace MizarNF.ControlPlane.Allocation;

/// <summary>
/// Chooses endpoint addresses in one subnet. The network address, the gateway (the first usable
/// address) and the broadcast address are never handed out. Like <see cref="VniAllocator"/> it
/// keeps no state: the caller passes the addresses its stored endpoints hold, so a restart can
/// never hand out an address twice.
/// </summary>
public sealed class IpAllocator
{
    private readonly IReadOnlyDictionary<IPAddress, string> _used;

    /// <summary>An allocator for <paramref name="subnet"/> with <paramref name="used"/> addresses taken by their holders.</summary>
    /// <param name="subnet">The subnet (a /30 or larger, so that it has a usable address besides the gateway).</param>
    /// <param name="used">The addresses in use and the names of the endpoints that hold them (read, not copied).</param>
    public IpAllocator(Ipv4Prefix subnet, IReadOnlyDictionary<IPAddress, string> used)
    {
        if (subnet.Length > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(subnet), $"{subnet} has no room for endpoints (at most /30)");
        }

        Subnet = subnet;
        _used = used;
    }

    /// <summary>The subnet.</summary>
    public Ipv4Prefix Subnet { get; }

    /// <summary>The gateway: the first usable address.</summary>
    public IPAddress Gateway => GatewayOf(Subnet);

    /// <summary>How many addresses endpoints can have.</summary>
    public ulong Capacity => Subnet.Size - 3;

    /// <summary>The gateway of <paramref name="subnet"/>: its first usable address.</summary>
    public static IPAddress GatewayOf(Ipv4Prefix subnet) => subnet.At(1);

    /// <summary>
    /// <paramref name="requested"/> when it is usable and free, otherwise (when null) the lowest free
    /// address; throws <see cref="ControlPlaneValidationException"/> saying why not.
    /// </summary>
    public IPAddress Allocate(IPAddress? requested = null)
    {
        if (requested is not null)
        {
            Check(requested);
            return requested;
        }

        for (ulong offset = 2; offset < Subnet.Size - 1; offset++)
        {
            var candidate = Subnet.At(offset);
            if (!_used.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        throw new ControlPlaneValidationException($"subnet {Subnet} is exhausted: all {Capacity} endpoint addresses are in use");
    }

    private void Check(IPAddress ip)
    {
        if (!Subnet.Contains(ip))
        {
            throw new ControlPlaneValidationException($"{ip} is outside the subnet {Subnet}");
        }

        var offset = Ipv4Prefix.ToHostOrder(ip) - Subnet.Network;
        if (offset == 0 || offset == 1 || offset == Subnet.Size - 1)
        {
            var role = offset switch { 0 => "network", 1 => "gateway", _ => "broadcast" };
            throw new ControlPlaneValidationException($"{ip} is the {role} address of {Subnet}");
        }

        if (_used.TryGetValue(ip, out var owner))
        {
            throw new ControlPlaneValidationException($"{ip} is already used by endpoint '{owner}'");
        }
    }
}
