using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.NetworkInformation;
using MizarNF.TestKit.Geneve;
using PacketDotNet;

namespace MizarNF.TestKit.Packets;

/// <summary>
/// A Geneve-encapsulated frame taken apart: outer headers, the Geneve header with its options, and
/// the inner frame. The outer headers are read byte by byte (not by PacketDotNet), so a test sees
/// exactly what a program wrote, including a bad checksum.
/// </summary>
public sealed class GenevePacket
{
    private const int EthernetLength = 14;
    private const int UdpLength = 8;
    private const ushort EtherTypeIpv4 = 0x0800;
    private const byte ProtocolUdp = 17;

    private readonly Lazy<EthernetPacket> inner;

    private GenevePacket(OuterHeaders outer, GeneveHeader geneve, byte[] innerFrame)
    {
        Outer = outer;
        Geneve = geneve;
        InnerFrame = innerFrame;
        inner = new Lazy<EthernetPacket>(ParseInner);
    }

    /// <summary>The outer Ethernet, IPv4 and UDP fields.</summary>
    public OuterHeaders Outer { get; }

    /// <summary>The Geneve header and its options.</summary>
    public GeneveHeader Geneve { get; }

    /// <summary>The bytes after the Geneve header and its options.</summary>
    public byte[] InnerFrame { get; }

    /// <summary>The inner frame parsed by PacketDotNet.</summary>
    /// <exception cref="InvalidOperationException">The Geneve protocol type is not transparent Ethernet bridging.</exception>
    public EthernetPacket Inner => inner.Value;

    /// <summary>Takes apart an Ethernet / IPv4 / UDP 6081 / Geneve frame.</summary>
    /// <exception cref="GeneveFormatException">The frame is not one, or its Geneve header is malformed.</exception>
    public static GenevePacket Parse(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var span = frame.AsSpan();
        Require(span.Length >= EthernetLength, $"{span.Length} bytes is shorter than an Ethernet header.");
        var etherType = BinaryPrimitives.ReadUInt16BigEndian(span[12..]);
        Require(etherType == EtherTypeIpv4, $"outer EtherType 0x{etherType:X4} is not IPv4.");

        var ip = span[EthernetLength..];
        Require(ip.Length >= 20 && ip[0] >> 4 == 4, "no outer IPv4 header.");
        var ipHeaderLength = (ip[0] & 0x0F) * 4;
        Require(ipHeaderLength >= 20 && ip.Length >= ipHeaderLength, $"outer IPv4 header of {ipHeaderLength} bytes is truncated or too short.");
        Require(ip[9] == ProtocolUdp, $"outer IPv4 protocol {ip[9]} is not UDP.");

        var udp = ip[ipHeaderLength..];
        Require(udp.Length >= UdpLength, "outer UDP header truncated.");
        var dport = BinaryPrimitives.ReadUInt16BigEndian(udp[2..]);
        Require(dport == GeneveCodec.UdpPort, $"outer UDP destination port {dport} is not Geneve's {GeneveCodec.UdpPort}.");

        var outer = new OuterHeaders(
            new PhysicalAddress(span[6..12].ToArray()),
            new PhysicalAddress(span[..6].ToArray()),
            new IPAddress(ip[12..16]),
            new IPAddress(ip[16..20]),
            ip[8],
            BinaryPrimitives.ReadUInt16BigEndian(ip[4..]),
            (ip[6] & 0x40) != 0,
            ipHeaderLength,
            BinaryPrimitives.ReadUInt16BigEndian(ip[2..]),
            Checksums.Ipv4ChecksumValid(ip),
            BinaryPrimitives.ReadUInt16BigEndian(udp),
            dport,
            BinaryPrimitives.ReadUInt16BigEndian(udp[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(udp[6..]));

        var payload = udp[UdpLength..];
        var geneve = GeneveCodec.Decode(payload, out var headerLength);
        return new GenevePacket(outer, geneve, payload[headerLength..].ToArray());
    }

    /// <summary>Like <see cref="Parse"/>, but false instead of an exception when the frame is not well-formed Geneve.</summary>
    public static bool TryParse(byte[] frame, [NotNullWhen(true)] out GenevePacket? packet)
    {
        try
        {
            packet = Parse(frame);
            return true;
        }
        catch (GeneveFormatException)
        {
            packet = null;
            return false;
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new GeneveFormatException("Not a Geneve packet: " + problem);
        }
    }

    private EthernetPacket ParseInner() =>
        Geneve.ProtocolType == GeneveHeader.TransparentEthernetBridging
            ? (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, InnerFrame)
            : throw new InvalidOperationException(
                $"The Geneve protocol type is 0x{Geneve.ProtocolType:X4}, not an Ethernet frame (0x{GeneveHeader.TransparentEthernetBridging:X4}).");
}
