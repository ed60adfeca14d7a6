using System.Net;
using System.Net.NetworkInformation;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;

namespace MizarNF.Functions.Tests.Fixtures;

/// <summary>Frames of the world's endpoints and nodes, built with the test kit (never by hand).</summary>
internal static class Frames
{
    public static WorldEndpoint A1 => DataPlaneWorld.Endpoint("a1");

    public static WorldEndpoint A2 => DataPlaneWorld.Endpoint("a2");

    public static WorldEndpoint C1 => DataPlaneWorld.Endpoint("c1");

    public static WorldEndpoint C2 => DataPlaneWorld.Endpoint("c2");

    /// <summary>What a pod sends to another pod: UDP from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static byte[] PodUdp(WorldEndpoint from, IPAddress to, PhysicalAddress? toMac = null, ushort sport = 40000, ushort dport = 5201, ushort ipId = 0x1234) =>
        PacketBuilder.Udp(from.Mac, toMac ?? DataPlaneWorld.GatewayMac, from.Ip, to, sport, dport, "payload!"u8, ipId: ipId);

    /// <summary>A pod's frame wrapped as the sending node's agent wraps it.</summary>
    public static byte[] Geneve(NodeRole from, NodeRole to, uint vni, byte[] inner, IEnumerable<GeneveOption>? options = null, IPAddress? outerSource = null) =>
        PacketBuilder.GeneveEncapsulate(
            DataPlaneWorld.NodeMac(from), DataPlaneWorld.NodeMac(to),
            outerSource ?? DataPlaneWorld.NodeIp(from), DataPlaneWorld.NodeIp(to),
            0xC123, new GeneveHeader(vni, options), inner);
}
