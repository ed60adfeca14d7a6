using System.Net;
using System.Net.NetworkInformation;
using PacketDotNet;

namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>Packets for test runs, built with PacketDotNet (documentation addresses only).</summary>
internal static class TestPackets
{
    public static readonly PhysicalAddress SourceMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    public static readonly PhysicalAddress DestinationMac = PhysicalAddress.Parse("02-00-00-00-00-02");

    public static EthernetPacket Udp()
    {
        var udp = new UdpPacket(40000, 6081) { PayloadData = [1, 2, 3, 4, 5, 6, 7, 8] };
        var ip = new IPv4Packet(IPAddress.Parse("192.0.2.1"), IPAddress.Parse("198.51.100.2")) { PayloadPacket = udp };
        ip.UpdateIPChecksum();
        return new EthernetPacket(SourceMac, DestinationMac, EthernetType.IPv4) { PayloadPacket = ip };
    }

    public static EthernetPacket Parse(byte[] frame) => (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, frame);
}
