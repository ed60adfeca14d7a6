using System.Net;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>The services of the packet tests: a web service (TCP 80) and DNS (UDP 53) at 10.96.0.10 in VPC 100, owned by node B.</summary>
internal static class Svc
{
    public static readonly IPAddress Vip = IPAddress.Parse("10.96.0.10");

    public const ushort Web = 80;

    public const ushort Dns = 53;

    public const ushort BackendPort = 8080;

    /// <summary>c1 and c2, both on node C.</summary>
    public static object[] Backends => [Backend(Frames.C1.Ip, NodeRole.C), Backend(Frames.C2.Ip, NodeRole.C)];

    public static object Backend(IPAddress ip, NodeRole host, int port = BackendPort) =>
        new { ip = ip.ToString(), port, host = DataPlaneWorld.NodeIp(host).ToString() };

    public static object Service(ushort port, string protocol, object[] backends, uint vni = DataPlaneWorld.Vpc1, object? affinity = null) =>
        new { vni, ip = Vip.ToString(), port, protocol, backends, affinity };

    /// <summary>The web and DNS services with c1 and c2 behind them.</summary>
    public static object[] Standard => [Service(Web, "tcp", Backends), Service(Dns, "udp", Backends)];

    public static ControlResult Apply(DataPlaneWorld world, IMapProvider maps, ControlOperation op, params object[] services) =>
        world.Handlers(maps)[Functions.ScaledEndpoint.ScaledEndpointFunction.Name].Apply(new ControlRequest(op, "service", ControlJson.Write(services)));

    public static ControlResult Config(DataPlaneWorld world, IMapProvider maps, object config) =>
        world.Handlers(maps)[Functions.ScaledEndpoint.ScaledEndpointFunction.Name].Apply(new ControlRequest(ControlOperation.Upsert, "config", ControlJson.Write(new[] { config })));

    public static byte[] Tcp(ushort sport, TcpFlags flags, ushort dport = Web, IPAddress? to = null) =>
        PacketBuilder.Tcp(Frames.A1.Mac, DataPlaneWorld.GatewayMac, Frames.A1.Ip, to ?? Vip, sport, dport, flags, "GET /"u8, sequence: 1000, acknowledgment: 1);

    public static byte[] Udp(ushort sport, ushort dport = Dns) =>
        PacketBuilder.Udp(Frames.A1.Mac, DataPlaneWorld.GatewayMac, Frames.A1.Ip, Vip, sport, dport, "query"u8);

    /// <summary>What the owner B receives: a1's frame as A's agent (or a forwarder) sent it.</summary>
    public static byte[] ToOwner(byte[] inner, uint vni = DataPlaneWorld.Vpc1) => Frames.Geneve(NodeRole.A, NodeRole.B, vni, inner);

    public static ServiceOption Option(GenevePacket g) =>
        ServiceOption.TryParse(g.Geneve, out var o) ? o : throw new InvalidOperationException("no SERVICE option");

    public static ServiceStats Stats(PipelineHarness h) => h.Map<uint, ServiceStats>("svc_stats").TryLookup(0, out var s) ? s : default;

    public static FlowKey ForwardKey(ushort sport, ushort dport = Web, byte proto = 6) =>
        new(DataPlaneWorld.Vpc1, Frames.A1.Ip, sport, Vip, dport, proto);

    public static FlowKey ReverseKey(IPAddress backend, ushort sport, byte proto = 6) =>
        new(DataPlaneWorld.Vpc1, backend, BackendPort, Frames.A1.Ip, sport, proto);

    /// <summary>CLOCK_MONOTONIC in ns, the clock of bpf_ktime_get_ns (Stopwatch uses it on Linux).</summary>
    public static ulong MonotonicNs() => (ulong)System.Diagnostics.Stopwatch.GetTimestamp() * (1_000_000_000UL / (ulong)System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Asserts the inner IPv4 and TCP/UDP checksums of a frame are right (PacketDotNet recomputes them).</summary>
    public static void AssertChecksums(EthernetPacket frame)
    {
        var ip = frame.Extract<IPv4Packet>();
        Assert.True(ip.ValidIPChecksum, "IPv4 header checksum");
        if (frame.Extract<TcpPacket>() is { } tcp)
        {
            Assert.True(tcp.ValidTcpChecksum, "TCP checksum");
        }

        if (frame.Extract<UdpPacket>() is { } udp)
        {
            Assert.True(udp.Checksum == 0 || udp.ValidUdpChecksum, "UDP checksum");
        }
    }
}
