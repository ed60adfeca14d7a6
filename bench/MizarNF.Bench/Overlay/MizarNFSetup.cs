using System.Net;
using MizarNF.Composer.Plugins;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// (a)–(c) MizarNF: a node daemon per node with one hook choice for the agent and for transit,
/// programmed over gRPC exactly as the end-to-end tests do (HookMatrixTests): peers on both nodes,
/// the subnet's bouncer on n2, one endpoint per node, each registered with the bouncer.
/// </summary>
internal sealed class MizarNFSetup(string hook) : IOverlaySetup
{
    private const uint Vni = 7;
    private const string Gateway = "10.7.0.1";

    /// <summary>The daemon's --agent-hook / --transit-hook value: tc, xdp-generic or xdp.</summary>
    public string Hook => hook;

    public string Key => "mizarnf_" + hook.Replace('-', '_');

    public string Name => $"MizarNF {hook}";

    public string Description =>
        $"mizarnf-node --agent-hook {hook} --transit-hook {hook} on n1 and n2; SetPeers both; Bouncer subnet vni {Vni} 10.7.0.0/24 on n2; "
        + "ProvisionEndpoint p1 10.7.0.10/24 on n1 and p2 10.7.0.20/24 on n2 (gateway 10.7.0.1, bouncer n2), both registered with the bouncer; "
        + "pod MTU = underlay 1500 − 50";

    public bool NeedsBridgeXdp => hook == "xdp";

    public PodPair Up(string prefix, IProgress<string> progress, CancellationToken stop)
    {
        var bed = BenchTestbed.Up(prefix, NodeDaemonCommand.Create(PluginLocator.Default(), hook, hook), progress, stop);
        return BenchTestbed.Owning(bed, () =>
        {
            var daemons = new DaemonReport(bed.Nodes);
            try
            {
                return Program(bed, daemons);
            }
            catch
            {
                daemons.Dispose();
                throw;
            }
        });
    }

    private static PodPair Program(MizarNF.Testbed.Testbed bed, DaemonReport daemons)
    {
        var clients = daemons.Clients;
        var peers = new SetPeersRequest();
        peers.Peers.AddRange(bed.Nodes.Select(n => new Peer { Ip = n.Address.ToString(), Mac = n.Mac }));
        foreach (var c in clients)
        {
            c.SetPeers(peers);
        }

        var sh = new NodeShell(bed);
        foreach (var node in bed.Nodes)
        {
            // As in the kernel setups: the pods' veths, made from now on, carry no IPv6 chatter.
            sh.DisableIpv6(node.Namespace);
        }

        var bouncer = bed.Nodes[1].Address.ToString();
        clients[1].ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "subnet", Json = $"[{{\"vni\":{Vni},\"cidr\":\"10.7.0.0/24\"}}]" });
        var pods = new[] { ("p1", 0, "10.7.0.10"), ("p2", 1, "10.7.0.20") }.Select(p =>
        {
            var (name, node, ip) = p;
            var netns = bed.CreatePodNamespace(name);
            sh.DisableIpv6(netns);
            var request = new ProvisionEndpointRequest { Id = name, Vni = Vni, Ip = ip, PrefixLength = 24, Gateway = Gateway, Netns = netns };
            request.SubnetBouncers.Add(bouncer);
            var endpoint = clients[node].ProvisionEndpoint(request);
            clients[1].ProgramFunction(new ProgramFunctionRequest
            {
                Function = "Bouncer",
                Kind = "endpoint",
                Json = $"[{{\"vni\":{Vni},\"ip\":\"{ip}\",\"host\":\"{bed.Nodes[node].Address}\",\"mac\":\"{endpoint.Mac}\"}}]",
            });
            return (Netns: netns, Mtu: (int)endpoint.Mtu);
        }).ToList();

        return new PodPair(bed, pods[0].Netns, pods[1].Netns, IPAddress.Parse("10.7.0.20"), pods[0].Mtu, daemons);
    }
}
