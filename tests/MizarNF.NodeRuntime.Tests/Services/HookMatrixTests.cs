using System.Diagnostics;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;
using MizarNF.Testbed;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>Every hook choice carries traffic end to end: tc, native XDP and generic XDP, for the agent and for transit.</summary>
public sealed class HookMatrixTests
{
    [Theory]
    [InlineData("xdp", "xdp")]
    [InlineData("xdp-generic", "xdp-generic")]
    [InlineData("tc", "xdp")]
    [InlineData("xdp", "tc")]
    public void Ping_TwoNodesWithHooks_Answered(string agentHook, string transitHook)
    {
        using var bed = MizarNF.Testbed.Testbed.Up(new TestbedOptions { Nodes = 2, XdpOnBridgePorts = agentHook != "tc" || transitHook != "tc", NodeCommand = NodeDaemonCommand.Create(Repo.Plugins, agentHook, transitHook, Repo.Daemon) });
        var clients = bed.Nodes.Select(n => NodeChannel.Client(n.Socket)).ToList();
        var peers = new SetPeersRequest();
        peers.Peers.AddRange(bed.Nodes.Select(n => new Peer { Ip = n.Address.ToString(), Mac = n.Mac }));
        clients.ForEach(c => c.SetPeers(peers));
        var bouncer = bed.Nodes[1].Address.ToString();
        clients[1].ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "subnet", Json = "[{\"vni\":7,\"cidr\":\"10.7.0.0/24\"}]" });
        var pods = new[] { ("a", 0, "10.7.0.10"), ("b", 1, "10.7.0.20") }.Select(p =>
        {
            var netns = bed.CreatePodNamespace(p.Item1);
            var req = new ProvisionEndpointRequest { Id = p.Item1, Vni = 7, Ip = p.Item3, PrefixLength = 24, Gateway = "10.7.0.1", Netns = netns };
            req.SubnetBouncers.Add(bouncer);
            var ep = clients[p.Item2].ProvisionEndpoint(req);
            clients[1].ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Json = $"[{{\"vni\":7,\"ip\":\"{p.Item3}\",\"host\":\"{bed.Nodes[p.Item2].Address}\",\"mac\":\"{ep.Mac}\"}}]" });
            return netns;
        }).ToList();

        var (exit, stdout, stderr) = bed.Exec(pods[0], "ping", "-c", "3", "-i", "0.05", "-W", "1", "10.7.0.20");

        var state = clients[0].GetState(new GetStateRequest());
        Assert.True(exit == 0, $"{agentHook}/{transitHook}: {stdout}{stderr}\n{string.Join(", ", state.Pipelines.Select(p => $"{p.AttachPoint}:{p.Mode}"))}");
        Assert.Contains(state.Pipelines, p => p.AttachPoint == "transit" && p.Mode == Expected(transitHook));

        // TCP too: partial checksums and GSO frames must survive the agent whatever its hook.
        using var server = Process.Start("ip", ["netns", "exec", pods[1], "iperf3", "-s", "-1", "-p", "5302"])!;
        try
        {
            Thread.Sleep(300);
            var tcp = bed.Exec(pods[0], "iperf3", "-c", "10.7.0.20", "-p", "5302", "-t", "1", "-J");
            Assert.True(tcp.ExitCode == 0, $"{agentHook}/{transitHook}: {tcp.Stdout}{tcp.Stderr}");
            using var json = System.Text.Json.JsonDocument.Parse(tcp.Stdout);
            var bps = json.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();
            Assert.True(bps > 50e6, $"{agentHook}/{transitHook}: {bps / 1e6:0.0} Mbit/s");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
            }
        }
    }

    private static string Expected(string hook) => hook switch { "tc" => "tc-ingress", "xdp" => "xdp-native", _ => "xdp-generic" };
}
