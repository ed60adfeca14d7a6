using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MizarNF.TestKit.Geneve;

/// <summary>
/// The HOST option (class 0xFF4D, type 0x01): "in this packet's VNI, endpoint <see cref="Endpoint"/>
/// lives on node <see cref="Host"/>". Body: <c>endpoint IPv4 (4) | host IPv4 (4)</c>.
/// </summary>
public sealed record HostOption
{
    /// <summary>Bytes of the body.</summary>
    public const int BodyLength = 8;

    /// <summary>Creates the option; both addresses must be IPv4.</summary>
    public HostOption(IPAddress endpoint, IPAddress host)
    {
        Endpoint = Ipv4Wire.Require(endpoint, nameof(endpoint));
        Host = Ipv4Wire.Require(host, nameof(host));
    }

    /// <summary>The endpoint's address in the packet's VNI.</summary>
    public IPAddress Endpoint { get; }

    /// <summary>The underlay address of the node the endpoint lives on.</summary>
    public IPAddress Host { get; }

    /// <summary>The option as it goes into a <see cref="GeneveHeader"/> (not critical).</summary>
    public GeneveOption ToOption()
    {
        Span<byte> body = stackalloc byte[BodyLength];
        Ipv4Wire.Write(Endpoint, body);
        Ipv4Wire.Write(Host, body[4..]);
        return new GeneveOption(MizarOptions.Class, MizarOptions.HostType, body);
    }

    /// <summary>Reads a HOST option.</summary>
    /// <exception cref="ArgumentException"><paramref name="option"/> is not a well-formed HOST option.</exception>
    public static HostOption FromOption(GeneveOption option) =>
        TryParse(option, out var host)
            ? host
            : throw new ArgumentException($"{option} is not a HOST option (class 0x{MizarOptions.Class:X4}, type 0x{MizarOptions.HostType:X2}, {BodyLength}-byte body).", nameof(option));

    /// <summary>
    /// Reads <paramref name="option"/> if it is a HOST option. The type must match exactly, as in the
    /// data path: with the critical bit set it is an unknown critical option, not HOST.
    /// </summary>
    public static bool TryParse(GeneveOption option, [NotNullWhen(true)] out HostOption? host)
    {
        ArgumentNullException.ThrowIfNull(option);
        host = null;
        if (option.Class != MizarOptions.Class || option.Type != MizarOptions.HostType || option.Body.Length != BodyLength)
        {
            return false;
        }

        var body = option.Body.Span;
        host = new HostOption(Ipv4Wire.Read(body), Ipv4Wire.Read(body[4..]));
        return true;
    }

    /// <summary>Reads the first HOST option of <paramref name="header"/>, if it has one.</summary>
    public static bool TryParse(GeneveHeader header, [NotNullWhen(true)] out HostOption? host)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var option in header.Options)
        {
            if (TryParse(option, out host))
            {
                return true;
            }
        }

        host = null;
        return false;
    }
}
