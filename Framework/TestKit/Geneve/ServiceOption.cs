using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MizarNF.TestKit.Geneve;

/// <summary>
/// The SERVICE option (class 0xFF4D, type 0x02): a scaled endpoint's decision for one flow, from the
/// owning bouncer to the client's node. Body: <c>service IPv4 (4) | service port (2) | protocol (1) |
/// flags (1) | backend IPv4 (4) | backend port (2) | reserved (2) | backend host IPv4 (4)</c>.
/// Flags: 0x01 decision (owner → client), 0x02 marked (client → backend's node), 0x04 rejected
/// (backend's node → client).
/// </summary>
public sealed record ServiceOption
{
    /// <summary>Bytes of the body.</summary>
    public const int BodyLength = 20;

    /// <summary>Flag: the owner's decision for the flow.</summary>
    public const byte Decision = 0x01;

    /// <summary>Flag: a client's DNAT'd packet, sent straight to the backend's node.</summary>
    public const byte Marked = 0x02;

    /// <summary>Flag: a marked packet turned back, its backend is not on that node.</summary>
    public const byte Rejected = 0x04;

    /// <summary>Creates the option; both addresses must be IPv4.</summary>
    public ServiceOption(IPAddress serviceIp, ushort servicePort, byte protocol, byte flags, IPAddress backendIp, ushort backendPort, IPAddress? backendHost = null)
    {
        BackendHost = Ipv4Wire.Require(backendHost ?? IPAddress.Any, nameof(backendHost));
        ServiceIp = Ipv4Wire.Require(serviceIp, nameof(serviceIp));
        ServicePort = servicePort;
        Protocol = protocol;
        Flags = flags;
        BackendIp = Ipv4Wire.Require(backendIp, nameof(backendIp));
        BackendPort = backendPort;
    }

    /// <summary>The scaled endpoint's (service's) address.</summary>
    public IPAddress ServiceIp { get; }

    /// <summary>The service's port.</summary>
    public ushort ServicePort { get; }

    /// <summary>The IP protocol of the flow (6 TCP, 17 UDP).</summary>
    public byte Protocol { get; }

    /// <summary>Flags of the decision.</summary>
    public byte Flags { get; }

    /// <summary>The chosen backend's address.</summary>
    public IPAddress BackendIp { get; }

    /// <summary>The chosen backend's port.</summary>
    public ushort BackendPort { get; }

    /// <summary>The node hosting the backend (0.0.0.0 when not given).</summary>
    public IPAddress BackendHost { get; }

    /// <summary>The option as it goes into a <see cref="GeneveHeader"/> (not critical, reserved bytes 0).</summary>
    public GeneveOption ToOption()
    {
        Span<byte> body = stackalloc byte[BodyLength];
        body.Clear();
        Ipv4Wire.Write(ServiceIp, body);
        BinaryPrimitives.WriteUInt16BigEndian(body[4..], ServicePort);
        body[6] = Protocol;
        body[7] = Flags;
        Ipv4Wire.Write(BackendIp, body[8..]);
        BinaryPrimitives.WriteUInt16BigEndian(body[12..], BackendPort);
        Ipv4Wire.Write(BackendHost, body[16..]);
        return new GeneveOption(MizarOptions.Class, MizarOptions.ServiceType, body);
    }

    /// <summary>Reads a SERVICE option.</summary>
    /// <exception cref="ArgumentException"><paramref name="option"/> is not a well-formed SERVICE option.</exception>
    public static ServiceOption FromOption(GeneveOption option) =>
        TryParse(option, out var service)
            ? service
            : throw new ArgumentException($"{option} is not a SERVICE option (class 0x{MizarOptions.Class:X4}, type 0x{MizarOptions.ServiceType:X2}, {BodyLength}-byte body).", nameof(option));

    /// <summary>Reads <paramref name="option"/> if it is a SERVICE option (exact type, as in the data path).</summary>
    public static bool TryParse(GeneveOption option, [NotNullWhen(true)] out ServiceOption? service)
    {
        ArgumentNullException.ThrowIfNull(option);
        service = null;
        if (option.Class != MizarOptions.Class || option.Type != MizarOptions.ServiceType || option.Body.Length != BodyLength)
        {
            return false;
        }

        var body = option.Body.Span;
        service = new ServiceOption(
            Ipv4Wire.Read(body),
            BinaryPrimitives.ReadUInt16BigEndian(body[4..]),
            body[6],
            body[7],
            Ipv4Wire.Read(body[8..]),
            BinaryPrimitives.ReadUInt16BigEndian(body[12..]),
            Ipv4Wire.Read(body[16..]));
        return true;
    }

    /// <summary>Reads the first SERVICE option of <paramref name="header"/>, if it has one.</summary>
    public static bool TryParse(GeneveHeader header, [NotNullWhen(true)] out ServiceOption? service)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var option in header.Options)
        {
            if (TryParse(option, out service))
            {
                return true;
            }
        }

        service = null;
        return false;
    }
}
