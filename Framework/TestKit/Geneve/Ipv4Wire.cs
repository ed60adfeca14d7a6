using System.Net;
using System.Net.Sockets;

namespace MizarNF.TestKit.Geneve;

/// <summary>IPv4 addresses in option bodies: exactly 4 bytes, network order.</summary>
internal static class Ipv4Wire
{
    public static IPAddress Require(IPAddress address, string name)
    {
        ArgumentNullException.ThrowIfNull(address, name);
        return address.AddressFamily == AddressFamily.InterNetwork
            ? address
            : throw new ArgumentException($"MizarNF's Geneve options carry IPv4 addresses; {address} is not one.", name);
    }

    public static void Write(IPAddress address, Span<byte> destination)
    {
        if (!address.TryWriteBytes(destination, out var written) || written != 4)
        {
            throw new ArgumentException($"{address} is not an IPv4 address.", nameof(address));
        }
    }

    public static IPAddress Read(ReadOnlySpan<byte> source) => new(source[..4]);
}
