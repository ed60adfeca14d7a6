using System.Diagnostics;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.NodeRuntime.Tests.Fixtures;

/// <summary>
/// Three testbed nodes with real daemons, programmed only over their gRPC APIs the way the
/// control plane does: VPC 100 with subnets 10.1.1.0/24 (bouncer n2) and 10.1.2.0/24 (bouncer
/// n3), divider n3; VPC 200 with the same 10.1.1.0/24 (bouncer n2). Pods: p1 (n1), p2 (n2),
/// p3 (n3) in VPC 100; q1 (n1, 10.1.1.20 like p2) and q2 (n3) in VPC 200.
/// </summary>
public sealed class ClusterFixture : IDisposable
{
    public const uint Vpc1 = 100;
    public const uint Vpc2 = 200;

    private readonly MizarNF.Testbed.Testbed _bed;

    public ClusterFixture()
    {
        _bed = MizarNF.Testbed.Testbed.Up(new TestbedOptions { Nodes = 3, NodeCommand = NodeDaemonCommand.Create(Repo.Plugins, daemon: Repo.Daemon) }, null);
        try
        {
            Clients = _bed.Nodes.Select(n => NodeChannel.Client(n.Socket)).ToList();
            var peers = new SetPeersRequest();
            peers.Peers.AddRange(_bed.Nodes.Select(n => new Peer { Ip = n.Address.ToString(), Mac = n.Mac }));
            foreach (var c in Clients)
            {
                c.SetPeers(peers);
            }

            Program(2, "Bouncer", "subnet", $"[{{\"vni\":{Vpc1},\"cidr\":\"10.1.1.0/24\"}},{{\"vni\":{Vpc2},\"cidr\":\"10.1.1.0/24\"}}]");
            Program(3, "Bouncer", "subnet", $"[{{\"vni\":{Vpc1},\"cidr\":\"10.1.2.0/24\"}}]");
            Program(3, "Divider", "subnet", $"[{{\"vni\":{Vpc1},\"cidr\":\"10.1.1.0/24\",\"bouncers\":[\"{Address(2)}\"]}},{{\"vni\":{Vpc1},\"cidr\":\"10.1.2.0/24\",\"bouncers\":[\"{Address(3)}\"]}}]");
            Pods =
            [
                AddPod("p1", 1, Vpc1, "10.1.1.10", "10.1.1.1", 2),
                AddPod("p2", 2, Vpc1, "10.1.1.20", "10.1.1.1", 2),
                AddPod("p3", 3, Vpc1, "10.1.2.30", "10.1.2.1", 3),
                AddPod("q1", 1, Vpc2, "10.1.1.20", "10.1.1.1", 2),
                AddPod("q2", 3, Vpc2, "10.1.1.30", "10.1.1.1", 2),
            ];
        }
        catch
        {
            _bed.Dispose();
            throw;
        }
    }

    public IReadOnlyList<Node.NodeClient> Clients { get; }

    public IReadOnlyList<Pod> Pods { get; } = [];

    public MizarNF.Testbed.Testbed Bed => _bed;

    public Pod Pod(string name) => Pods.First(p => p.Name == name);

    public Node.NodeClient Client(int node) => Clients[node - 1];

    public string Address(int node) => _bed.Nodes[node - 1].Address.ToString();

    /// <summary>Runs a command in a namespace: exit code and output.</summary>
    public (int Exit, string Output) Exec(string netns, params string[] command)
    {
        var r = _bed.Exec(netns, command);
        return (r.ExitCode, r.Stdout + r.Stderr);
    }

    /// <summary>Pings from one pod to an address; true when every reply came back.</summary>
    public bool Ping(Pod from, string to, int count = 3) =>
        Exec(from.Netns, "ping", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "0.05", "-W", "1", to).Exit == 0;

    /// <summary>Every node's non-zero counters, for failure messages.</summary>
    public string Diagnose() => string.Join('\n', Clients.Select((c, i) =>
        $"n{i + 1}: " + string.Join("; ", c.GetCounters(new GetCountersRequest()).Functions
            .Where(f => f.Pass + f.Drop + f.Tx + f.Redirect > 0)
            .Select(f => $"{f.AttachPoint}/{f.Function} pass={f.Pass} drop={f.Drop} tx={f.Tx} redirect={f.Redirect}"
                + string.Concat(f.Drops.Select(d => $" [{d.Reason}={d.Packets}]"))))));

    public ProvisionEndpointRequest Request(string name, int node, uint vni, string ip, string gateway, string netns)
    {
        var r = new ProvisionEndpointRequest { Id = name, Vni = vni, Ip = ip, PrefixLength = 24, Gateway = gateway, Netns = netns };
        r.SubnetBouncers.Add(Address(gateway == "10.1.2.1" ? 3 : 2));
        if (vni == Vpc1)
        {
            r.VpcDividers.Add(Address(3));
        }

        return r;
    }

    public void Dispose() => _bed.Dispose();

    private Pod AddPod(string name, int node, uint vni, string ip, string gateway, int bouncer)
    {
        var netns = _bed.CreatePodNamespace(name);
        Client(node).ProvisionEndpoint(Request(name, node, vni, ip, gateway, netns));
        var mac = Client(node).GetEndpoint(new GetEndpointRequest { Id = name }).Mac;
        Program(bouncer, "Bouncer", "endpoint", $"[{{\"vni\":{vni},\"ip\":\"{ip}\",\"host\":\"{Address(node)}\",\"mac\":\"{mac}\"}}]");
        return new Pod(name, node, vni, ip, gateway, netns);
    }

    private void Program(int node, string function, string kind, string json) =>
        Client(node).ProgramFunction(new ProgramFunctionRequest { Function = function, Kind = kind, Json = json, Operation = Operation.Upsert });
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three-node cluster";
}
