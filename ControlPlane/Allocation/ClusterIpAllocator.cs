using System.Net;
using MizarNF.Contracts.Net;

namespace MizarNF.ControlPlane.Allocation;

/// <summary>
/// Chooses ClusterIPs in one VPC's service CIDR. Like <see cref="IpAllocator"/> it keeps no state:
/// the caller passes the ClusterIPs the VPC's stored services hold, so a restart can never hand
/// one out twice. The network and broadcast addresses of a CIDR larger than a /31 are never handed out.
/// </summary>
public sealed class ClusterIpAllocator
{
    private readonly IReadOnlyDictionary<IPAddress, string> _used;

    /// <summary>An allocator over <paramref name="range"/> with <paramref name="used"/> ClusterIPs taken by the services named.</summary>
    public ClusterIpAllocator(Ipv4Prefix range, IReadOnlyDictionary<IPAddress, string> used)
    {
        Range = range;
        _used = used;
    }

    /// <summary>The service CIDR.</summary>
    public Ipv4Prefix Range { get; }

    private ulong First => Range.Size > 2 ? 1UL : 0UL;

    private ulong End => Range.Size > 2 ? Range.Size - 1 : Range.Size;

    /// <summary>
    /// <paramref name="requested"/> when it is inside the range and free, otherwise (when null) the
    /// lowest free address; throws <see cref="ControlPlaneValidationException"/> saying why not.
    /// </summary>
    public IPAddress Allocate(IPAddress? requested = null)
    {
        if (requested is not null)
        {
            var offset = Range.Contains(requested) ? Ipv4Prefix.ToHostOrder(requested) - Range.Network : ulong.MaxValue;
            if (offset < First || offset >= End)
            {
                throw new ControlPlaneValidationException(offset == ulong.MaxValue
                    ? $"{requested} is outside the service CIDR {Range}"
                    : $"{requested} is the {(offset == 0 ? "network" : "broadcast")} address of the service CIDR {Range}");
            }

            return _used.TryGetValue(requested, out var holder)
                ? throw new ControlPlaneValidationException($"{requested} is already the ClusterIP of service '{holder}'")
                : requested;
        }

        for (var offset = First; offset < End; offset++)
        {
            var candidate = Range.At(offset);
            if (!_used.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        throw new ControlPlaneValidationException($"service CIDR {Range} is exhausted: all {End - First} ClusterIPs are in use");
    }
}
