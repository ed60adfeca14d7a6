using System.Text.RegularExpressions;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>Real traffic between pods on different nodes, through the pipelines the daemons attached.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class TrafficTests(ClusterFixture cluster)
{
    [Fact]
    public void Ping_SameSubnetAcrossNodes_Answered() =>
        Assert.True(cluster.Ping(cluster.Pod("p1"), cluster.Pod("p2").Ip), "p1 (n1) → p2 (n2)\n" + cluster.Diagnose());

    [Fact]
    public void Ping_OtherSubnetOfTheVpc_AnsweredThroughTheDivider() =>
        Assert.True(cluster.Ping(cluster.Pod("p1"), cluster.Pod("p3").Ip), "p1 (10.1.1.10, n1) → p3 (10.1.2.30, n3)");

    [Fact]
    public void Ping_SecondVpcWithTheSameCidr_AnsweredInsideIt() =>
        Assert.True(cluster.Ping(cluster.Pod("q1"), cluster.Pod("q2").Ip), "q1 → q2 in VPC 200");

    [Fact]
    public void Ping_AcrossVpcs_NeverAnswered()
    {
        // q2's address (10.1.1.30) exists only in VPC 200; p1 in VPC 100 must not reach it.
        Assert.False(cluster.Ping(cluster.Pod("p1"), cluster.Pod("q2").Ip, count: 2));
        // q1 (VPC 200, on p1's node) has p2's address; p1 pinging 10.1.1.20 must reach p2 on n2, never q1.
        var before = Delivered(2);
        Assert.True(cluster.Ping(cluster.Pod("p1"), "10.1.1.20"));
        Assert.True(Delivered(2) >= before + 3, "the echo requests were delivered on n2, where p2 lives");
        // q1 (VPC 200) pinging p1's address in VPC 100 must fail.
        Assert.False(cluster.Ping(cluster.Pod("q1"), cluster.Pod("p1").Ip, count: 2));
    }

    [Fact]
    public void Tcp_Iperf3AcrossNodes_CarriesTraffic()
    {
        var server = cluster.Pod("p3");
        using var iperf = System.Diagnostics.Process.Start("ip", ["netns", "exec", server.Netns, "iperf3", "-s", "-1", "-p", "5301"])!;
        try
        {
            Thread.Sleep(300);
            var (exit, output) = cluster.Exec(cluster.Pod("p1").Netns, "iperf3", "-c", server.Ip, "-p", "5301", "-t", "2", "-f", "m");
            Assert.True(exit == 0, output);
            var m = ReceiverRegex().Match(output);
            Assert.True(m.Success, output);
            Assert.True(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, output);
        }
        finally
        {
            if (!iperf.HasExited)
            {
                iperf.Kill();
            }
        }
    }

    [Fact]
    public void Counters_AfterFirstPackets_BouncerSawOnlyTheStartOfAFlow()
    {
        var bouncerTx = () => cluster.Client(3).GetCounters(new GetCountersRequest()).Functions.First(f => f.AttachPoint == "transit" && f.Function == "Bouncer").Tx;
        Assert.True(cluster.Ping(cluster.Pod("p2"), cluster.Pod("p3").Ip, count: 1)); // warm up: learn both ways
        var before = bouncerTx();

        Assert.True(cluster.Ping(cluster.Pod("p2"), cluster.Pod("p3").Ip, count: 20));

        Assert.Equal(before, bouncerTx());
    }

    private ulong Delivered(int node) =>
        cluster.Client(node).GetCounters(new GetCountersRequest()).Functions.First(f => f.AttachPoint == "transit" && f.Function == "Endpoint").Redirect;

    [GeneratedRegex(@"([\d.]+) Mbits/sec.*receiver")]
    private static partial Regex ReceiverRegex();
}
