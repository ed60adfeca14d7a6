using System.Net;
using MizarNF.Contracts.Net;

namespace MizarNF.ControlPlane.Allocation;

/// <summary>Endpoint MACs, derived from addresses exactly as the node daemon derives them.</summary>
public static class MacAddresses
{
    /// <summary>02:4d (locally administered, unicast; "M") followed by the four bytes of <paramref name="ip"/>.</summary>
    public static MacAddress ForEndpoint(IPAddress ip)
    {
        Span<byte> bytes = [0x02, 0x4d, 0, 0, 0, 0];
        ip.GetAddressBytes().CopyTo(bytes[2..]);
        return MacAddress.FromBytes(bytes);
    }
}
