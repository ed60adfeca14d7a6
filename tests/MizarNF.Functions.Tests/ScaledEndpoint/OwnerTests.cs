using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Functions.Tests.Endpoint;
using MizarNF.Functions.Tests.Fixtures;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;
using PacketDotNet;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>Packet walk 6 at the owner (node B): the first packet of a flow is decided and turned around.</summary>
[Collection(WorldCollection.Name)]
public sealed class OwnerTests(WorldFixture fixture)
{
    public static TheoryData<PipelineHook> Hooks => [PipelineHook.Xdp, PipelineHook.XdpFrags, PipelineHook.Tc];

    [Theory]
    [MemberData(nameof(Hooks))]
    public void FirstPacket_TurnedAroundToClientNodeWithDecision(PipelineHook hook)
    {
        using var b = Owner(hook);
        var inner = Svc.Tcp(40000, TcpFlags.Syn);

        var r = b.Run(Svc.ToOwner(inner));

        Assert.Equal((PacketVerdict.Tx, "ScaledEndpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        AgentTests.AssertOuter(g, from: NodeRole.B, to: NodeRole.A);
        Assert.True(g.Outer.Ipv4ChecksumValid);
        Assert.Equal(r.Output.Length - 14, g.Outer.IpTotalLength);
        Assert.Equal(r.Output.Length - 34, g.Outer.UdpLength);
        Assert.Equal(DataPlaneWorld.Vpc1, g.Geneve.Vni);
        var o = Svc.Option(g);
        Assert.Equal((Svc.Vip, Svc.Web, (byte)6, ServiceOption.Decision), (o.ServiceIp, o.ServicePort, o.Protocol, o.Flags));
        Assert.Contains(o.BackendIp, new[] { Frames.C1.Ip, Frames.C2.Ip });
        Assert.Equal((Svc.BackendPort, DataPlaneWorld.NodeIp(NodeRole.C)), (o.BackendPort, o.BackendHost));
        Assert.Equal(inner, g.InnerFrame); // the client's node rewrites, not the owner
        Assert.Equal(1ul, Svc.Stats(b).Decisions);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void FirstPacket_DecodedByTsharkWithTheOptionAndValidChecksums(PipelineHook hook)
    {
        using var b = Owner(hook);
        var r = b.Run(Svc.ToOwner(Svc.Tcp(40001, TcpFlags.Syn)));
        var pcap = Path.Combine(Path.GetTempPath(), $"mnf-svc-{Guid.NewGuid():N}.pcap");
        try
        {
            PcapWriter.WriteFile(pcap, [r.Output]);

            var p = Tshark.Fields(pcap, ["ip.src", "ip.dst", "ip.checksum.status", "geneve.vni", "geneve.option.class", "geneve.option.type", "geneve.option.length", "udp.dstport", "tcp.dstport", "_ws.malformed"]).Single();

            Assert.Equal(["192.168.10.2", "10.1.0.10"], p["ip.src"]);
            Assert.Equal(["192.168.10.1", "10.96.0.10"], p["ip.dst"]);
            Assert.All(p["ip.checksum.status"], s => Assert.Equal("2", s)); // 2 = good
            Assert.Equal("0xff4d", p.First("geneve.option.class"), ignoreCase: true);
            Assert.Equal(2, Convert.ToInt32(p.First("geneve.option.type"), 16));
            Assert.Equal("6081", p.First("udp.dstport"));
            Assert.Equal("80", p.First("tcp.dstport"));
            Assert.Equal(24, Convert.ToInt32(p.First("geneve.option.length")));
            Assert.Empty(p["_ws.malformed"]);
        }
        finally
        {
            File.Delete(pcap);
        }
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Ping_ToVip_AnsweredFromTheVip(PipelineHook hook)
    {
        using var b = Owner(hook);
        var ping = PacketBuilder.IcmpEcho(Frames.A1.Mac, DataPlaneWorld.GatewayMac, Frames.A1.Ip, Svc.Vip, 7, 1, "ping"u8);

        var r = b.Run(Svc.ToOwner(ping));

        Assert.Equal((PacketVerdict.Tx, "ScaledEndpoint"), (r.Verdict, r.Function));
        var g = GenevePacket.Parse(r.Output);
        AgentTests.AssertOuter(g, from: NodeRole.B, to: NodeRole.A);
        var ip = g.Inner.Extract<IPv4Packet>();
        var icmp = g.Inner.Extract<IcmpV4Packet>();
        Assert.Equal((Svc.Vip, Frames.A1.Ip), (ip.SourceAddress, ip.DestinationAddress));
        Assert.Equal(IcmpV4TypeCode.EchoReply, icmp.TypeCode);
        Assert.Equal((ushort)7, icmp.Id);
        Assert.True(ip.ValidIPChecksum);
        Assert.True(icmp.ValidIcmpChecksum);
        Assert.Equal(Frames.A1.Mac, g.Inner.DestinationHardwareAddress);
        Assert.Equal(1ul, Svc.Stats(b).Pings);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void UnknownPortOfAVip_DroppedAsNoSuchPort(PipelineHook hook)
    {
        using var b = Owner(hook);

        var tcp = b.Run(Svc.ToOwner(Svc.Tcp(40000, TcpFlags.Syn, dport: 81)));
        var udpOnTcpPort = b.Run(Svc.ToOwner(Svc.Udp(40000, dport: Svc.Web)));

        Assert.Equal((PacketVerdict.Drop, "ScaledEndpoint", "NO_SUCH_PORT"), (tcp.Verdict, tcp.Function, tcp.DropReasonName));
        Assert.Equal("NO_SUCH_PORT", udpOnTcpPort.DropReasonName);
        Assert.Equal(2ul, b.Counters()["ScaledEndpoint"].DropsOf(128));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void StrayRst_NotDecided(PipelineHook hook)
    {
        using var b = Owner(hook);

        var r = b.Run(Svc.ToOwner(Svc.Tcp(40000, TcpFlags.Rst | TcpFlags.Ack)));

        Assert.Equal((PacketVerdict.Drop, "STRAY_RST"), (r.Verdict, r.DropReasonName));
        Assert.Equal(0ul, Svc.Stats(b).Decisions);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ServiceWithoutBackends_DroppedAsNoBackend(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", []));

        var r = b.Run(Svc.ToOwner(Svc.Tcp(40000, TcpFlags.Syn)));

        Assert.Equal((PacketVerdict.Drop, "NO_BACKEND"), (r.Verdict, r.DropReasonName));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void SameVipInAnotherVpc_NeverDecidedByTheFirstVpcsService(PipelineHook hook)
    {
        using var b = Owner(hook);

        var other = b.Run(Svc.ToOwner(Svc.Tcp(40000, TcpFlags.Syn), vni: DataPlaneWorld.Vpc2));

        Assert.NotEqual("ScaledEndpoint", other.Function);
        Assert.False(GenevePacket.TryParse(other.Output, out var g) && ServiceOption.TryParse(g.Geneve, out _));

        // VPC 200 gets its own service at the same ClusterIP: its flows go to its own backend only.
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", [Svc.Backend(Frames.A2.Ip, NodeRole.A)], vni: DataPlaneWorld.Vpc2));
        var backends200 = Enumerable.Range(0, 16).Select(i => Svc.Option(GenevePacket.Parse(b.Run(Svc.ToOwner(Svc.Tcp((ushort)(41000 + i), TcpFlags.Syn), vni: DataPlaneWorld.Vpc2)).Output)).BackendHost).Distinct();
        Assert.Equal([DataPlaneWorld.NodeIp(NodeRole.A)], backends200);
        var backends100 = Enumerable.Range(0, 16).Select(i => Svc.Option(GenevePacket.Parse(b.Run(Svc.ToOwner(Svc.Tcp((ushort)(41000 + i), TcpFlags.Syn))).Output)).BackendHost).Distinct();
        Assert.Equal([DataPlaneWorld.NodeIp(NodeRole.C)], backends100);
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ManyFlows_EveryBackendChosen(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var backends = Enumerable.Range(0, 4).Select(i => Svc.Backend(IPAddress.Parse($"10.1.0.{100 + i}"), NodeRole.C)).ToArray();
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", backends));

        var chosen = Decide(b, Enumerable.Range(0, 400).Select(i => (ushort)(30000 + i)));

        var counts = chosen.Values.GroupBy(ip => ip).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 50, 150)); // 100 each expected
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void RemovingOneOfFourBackends_MovesOnlyItsFlows(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var backends = Enumerable.Range(0, 4).Select(i => Svc.Backend(IPAddress.Parse($"10.1.0.{100 + i}"), NodeRole.C)).ToArray();
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", backends));
        var ports = Enumerable.Range(0, 800).Select(i => (ushort)(30000 + i)).ToList();
        var before = Decide(b, ports);

        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", backends[..3]));
        var after = Decide(b, ports);

        var removed = IPAddress.Parse("10.1.0.103");
        var moved = ports.Count(p => !before[p].Equals(after[p]));
        var movedFromKept = ports.Count(p => !before[p].Equals(removed) && !before[p].Equals(after[p]));
        Assert.DoesNotContain(removed, after.Values);
        Assert.InRange(moved / (double)ports.Count, 0.15, 0.35); // ≈ 1/4
        Assert.True(movedFromKept <= ports.Count / 20, $"{movedFromKept} flows of kept backends moved");
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void ClientIpAffinity_OneClientKeepsOneBackendAcrossFlows(PipelineHook hook)
    {
        using var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        var backends = Enumerable.Range(0, 4).Select(i => Svc.Backend(IPAddress.Parse($"10.1.0.{100 + i}"), NodeRole.C)).ToArray();
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Service(Svc.Web, "tcp", backends, affinity: new { clientIp = true, timeoutSeconds = 600 }));

        var chosen = Decide(b, Enumerable.Range(0, 40).Select(i => (ushort)(30000 + i)));

        Assert.Single(chosen.Values.Distinct());
        Assert.Equal(39ul, Svc.Stats(b).AffinityHits);
    }

    internal static Dictionary<ushort, IPAddress> Decide(PipelineHarness owner, IEnumerable<ushort> sports) =>
        sports.ToDictionary(p => p, p => Svc.Option(GenevePacket.Parse(owner.Run(Svc.ToOwner(Svc.Tcp(p, TcpFlags.Syn))).Output)).BackendIp);

    private PipelineHarness Owner(PipelineHook hook)
    {
        var b = fixture.World.Build(NodeRole.B, AttachPoint.Transit, hook);
        Svc.Apply(fixture.World, b.Pipeline, ControlOperation.Upsert, Svc.Standard);
        return b;
    }
}
