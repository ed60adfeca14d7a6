using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>
/// Issue 7 end to end: real TCP and UDP from pods on every node to a ClusterIP, through the
/// daemons' pipelines, with the services programmed on their owner only (n2) over gRPC.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ScaledEndpointTrafficTests(ClusterFixture cluster)
{
    private const uint Vpc1 = ClusterFixture.Vpc1;

    [Fact]
    public void TcpAndUdp_ClientsOnEveryNode_EveryBackendServes_OwnerSeesOnlyFirstPackets()
    {
        using var s = new ServiceScenario(cluster);
        var (n2, n3) = (cluster.Address(2), cluster.Address(3));
        s.Upsert(
            ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 80, "tcp", [(s.B2, 8080, n2), (s.B3, 8080, n3)]),
            ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 53, "udp", [(s.B2, 5353, n2), (s.B3, 5353, n3)]));
        var ownerBefore = s.Transit(2, "ScaledEndpoint").Tx;
        var remoteFlows = 0;

        foreach (var client in new[] { cluster.Pod("p1"), cluster.Pod("p2"), cluster.Pod("p3") })
        {
            var tcp = s.Connect(client, "tcp", ServiceScenario.Vip, 80, 16);
            var udp = s.Connect(client, "udp", ServiceScenario.Vip, 53, 16);

            Assert.True(tcp.All(f => f.Backend is not null), $"TCP from {client.Name}: {Lines(tcp)}\n{cluster.Diagnose()}");
            Assert.True(udp.All(f => f.Backend is not null), $"UDP from {client.Name}: {Lines(udp)}\n{cluster.Diagnose()}");
            Assert.Equal(["b2:8080", "b3:8080"], tcp.Select(f => f.Backend!).Distinct().Order());
            Assert.Equal(["b2:5353", "b3:5353"], udp.Select(f => f.Backend!).Distinct().Order());
            if (client.Node != 2)
            {
                remoteFlows += tcp.Count + udp.Count; // n2's own pod is decided by n2's agent, not its transit
            }
        }

        // Each TCP flow sent at least SYN, ACK, data, RST; each UDP flow a request: the owner
        // answered exactly one packet per flow from the other nodes, nothing after it.
        Assert.Equal((ulong)remoteFlows, s.Transit(2, "ScaledEndpoint").Tx - ownerBefore);
    }

    [Fact]
    public void RemovingOneOfFourBackends_MovesAboutAQuarter_AndClientIpAffinityHolds()
    {
        using var s = new ServiceScenario(cluster);
        var (n2, n3) = (cluster.Address(2), cluster.Address(3));
        (Pod, int, string)[] four = [(s.B2, 8080, n2), (s.B2, 8081, n2), (s.B3, 8080, n3), (s.B3, 8081, n3)];
        s.Upsert(
            ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 82, "tcp", four),
            ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 81, "tcp", four, affinitySeconds: 600));
        var p1 = cluster.Pod("p1");

        var before = s.Connect(p1, "tcp", ServiceScenario.Vip, 82, 80, firstSport: 42000).ToDictionary(f => f.Sport, f => f.Backend);
        s.Upsert(ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 82, "tcp", four[..3])); // b3:8081 removed: one call, to the owner
        var after = s.Connect(p1, "tcp", ServiceScenario.Vip, 82, 80, firstSport: 42000).ToDictionary(f => f.Sport, f => f.Backend);

        Assert.True(before.Values.All(b => b is not null) && after.Values.All(b => b is not null), cluster.Diagnose());
        Assert.Equal(4, before.Values.Distinct().Count());
        Assert.DoesNotContain("b3:8081", after.Values);
        var moved = before.Count(f => f.Value != after[f.Key]);
        var movedFromKept = before.Count(f => f.Value != "b3:8081" && f.Value != after[f.Key]);
        Assert.InRange(moved / 80.0, 0.1, 0.45); // ≈ 1/4
        Assert.True(movedFromKept <= 8, $"{movedFromKept} of the kept backends' flows moved");

        var sticky = s.Connect(p1, "tcp", ServiceScenario.Vip, 81, 20);
        Assert.Single(sticky.Select(f => f.Backend).Distinct());
        Assert.NotNull(sticky[0].Backend);
    }

    [Fact]
    public void BackendGoneWhileAFlowIsCached_FlowTurnedBackAndDecidedAgain_NeverBlackHoled()
    {
        using var s = new ServiceScenario(cluster);
        var b4 = s.AddBackend("b4", 3, "10.1.2.60", "10.1.2.1");
        s.Upsert(ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 54, "udp", [(b4, 5353, cluster.Address(3))]));
        var p1 = cluster.Pod("p1");
        Assert.Equal("b4:5353", s.Connect(p1, "udp", ServiceScenario.Vip, 54, 1, firstSport: 43000).Single().Backend);
        var rejected = () => cluster.Client(1).GetCounters(new NodeApi.V1.GetCountersRequest()).Functions
            .Where(f => f.AttachPoint == "transit" && f.Function == "ScaledEndpoint").SelectMany(f => f.Drops).Where(d => d.Reason == "REJECTED").Sum(d => (long)d.Packets);
        var (rejectedBefore, turnedBackBefore) = (rejected(), s.Transit(3, "ScaledEndpoint").Tx);

        // b4 goes away; the owner alone is told (one call). p1's node still has the flow cached.
        s.RemoveEndpoint(b4);
        s.Upsert(ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 54, "udp", [(s.B2, 5353, cluster.Address(2))]));
        var again = s.Connect(p1, "udp", ServiceScenario.Vip, 54, 1, firstSport: 43000).Single();

        Assert.True(again.Backend == "b2:5353", $"{again.Backend}\n{cluster.Diagnose()}");
        Assert.True(s.Transit(3, "ScaledEndpoint").Tx > turnedBackBefore, "b4's node turned the marked packet back");
        Assert.True(rejected() > rejectedBefore, "p1's node forgot the flow");
    }

    [Fact]
    public void SameClusterIpInAnotherVpc_ReachesOnlyItsOwnBackends()
    {
        using var s = new ServiceScenario(cluster);
        var q2 = cluster.Pod("q2");
        s.Upsert(
            ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 80, "tcp", [(s.B2, 8080, cluster.Address(2))]),
            ServiceScenario.Service(Vpc1, ServiceScenario.Vpc1OnlyVip, 80, "tcp", [(s.B3, 8080, cluster.Address(3))]),
            ServiceScenario.Service(ClusterFixture.Vpc2, ServiceScenario.Vip, 80, "tcp", [(q2, 8080, cluster.Address(q2.Node))]));
        var (p1, q1) = (cluster.Pod("p1"), cluster.Pod("q1")); // both on n1

        var fromVpc1 = s.Connect(p1, "tcp", ServiceScenario.Vip, 80, 6);
        var fromVpc2 = s.Connect(q1, "tcp", ServiceScenario.Vip, 80, 6);
        var vpc1OnlyFromVpc2 = s.Connect(q1, "tcp", ServiceScenario.Vpc1OnlyVip, 80, 2);
        var vpc1OnlyFromVpc1 = s.Connect(p1, "tcp", ServiceScenario.Vpc1OnlyVip, 80, 2);

        Assert.All(fromVpc1, f => Assert.Equal("b2:8080", f.Backend));
        Assert.All(fromVpc2, f => Assert.Equal("q2:8080", f.Backend));
        Assert.All(vpc1OnlyFromVpc2, f => Assert.Null(f.Backend));
        Assert.All(vpc1OnlyFromVpc1, f => Assert.Equal("b3:8080", f.Backend));
    }

    [Fact]
    public void PingToTheServiceAnswered_UnknownPortDroppedWithItsReason()
    {
        using var s = new ServiceScenario(cluster);
        s.Upsert(ServiceScenario.Service(Vpc1, ServiceScenario.Vip, 80, "tcp", [(s.B2, 8080, cluster.Address(2))]));
        var noSuchPort = () => s.Transit(2, "ScaledEndpoint").Drops.Where(d => d.Reason == "NO_SUCH_PORT").Sum(d => (long)d.Packets);
        var before = noSuchPort();

        Assert.True(cluster.Ping(cluster.Pod("p1"), ServiceScenario.Vip), cluster.Diagnose());
        Assert.True(cluster.Ping(cluster.Pod("p3"), ServiceScenario.Vip), cluster.Diagnose());
        Assert.All(s.Connect(cluster.Pod("p1"), "tcp", ServiceScenario.Vip, 9999, 1), f => Assert.Null(f.Backend));
        Assert.True(noSuchPort() > before, cluster.Diagnose());
    }

    private static string Lines(IEnumerable<(int Sport, string? Backend)> flows) => string.Join(", ", flows.Select(f => $"{f.Sport}→{f.Backend ?? "FAIL"}"));
}
