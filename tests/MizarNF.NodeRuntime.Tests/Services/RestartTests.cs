using System.Text.RegularExpressions;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>
/// The data plane does not depend on the daemon's process: killing it with SIGKILL during a ping
/// flood loses no packet, and the restarted daemon adopts what is pinned and attached and
/// reports the same state.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class RestartTests(ClusterFixture cluster)
{
    [Fact]
    public void Daemon_KilledAndRestartedDuringPingFlood_NoPacketLostAndSameState()
    {
        var p1 = cluster.Pod("p1");
        var p2 = cluster.Pod("p2");
        Assert.True(cluster.Ping(p1, p2.Ip)); // warm: ARP and learning done
        var node = cluster.Client(2);
        var before = node.GetState(new GetStateRequest());
        var flood = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ip", ["netns", "exec", p1.Netns, "ping", "-f", "-c", "3000", "-W", "1", p2.Ip]) { RedirectStandardOutput = true })!;
        try
        {
            Thread.Sleep(200);
            cluster.Bed.KillDaemon(cluster.Bed.Nodes[1]);
            Thread.Sleep(300);
            cluster.Bed.StartDaemon(cluster.Bed.Nodes[1]);
            var output = flood.StandardOutput.ReadToEnd();
            flood.WaitForExit();

            var m = SummaryRegex().Match(output);
            Assert.True(m.Success, output);
            Assert.Equal(m.Groups["tx"].Value, m.Groups["rx"].Value);
        }
        finally
        {
            if (!flood.HasExited)
            {
                flood.Kill();
            }
        }

        var after = cluster.Client(2).GetState(new GetStateRequest());
        Assert.Equal(before.Endpoints, after.Endpoints);
        Assert.Equal(before.Functions, after.Functions);
        Assert.Equal(before.Peers, after.Peers);
        Assert.True(cluster.Ping(p1, p2.Ip));
    }

    [GeneratedRegex(@"(?<tx>\d+) packets transmitted, (?<rx>\d+) received")]
    private static partial Regex SummaryRegex();
}
