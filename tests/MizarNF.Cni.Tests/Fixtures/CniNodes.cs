using System.Globalization;
using System.Text.Json.Nodes;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>
/// Two testbed nodes with real daemons, set up as the control plane would: VPC 100 with subnet
/// 10.7.1.0/24 (gateway .1, bouncer n2). Tests park endpoints (ProvisionEndpoint without a netns,
/// as the control plane does for a pod) and attach containers through the CNI plugin.
/// </summary>
public sealed class CniNodes : IDisposable
{
    public const uint Vni = 100;
    public const string Gateway = "10.7.1.1";
    private readonly MizarNF.Testbed.Testbed _bed;
    private int _nextIp = 10;

    public CniNodes()
    {
        _bed = MizarNF.Testbed.Testbed.Up(new TestbedOptions { Nodes = 2, Prefix = "cni" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(2)), NodeCommand = NodeDaemonCommand.Create(Repo.Plugins, daemon: Repo.Daemon) }, null);
        try
        {
            var peers = new SetPeersRequest();
            peers.Peers.AddRange(_bed.Nodes.Select(n => new Peer { Ip = n.Address.ToString(), Mac = n.Mac }));
            foreach (var n in _bed.Nodes)
            {
                Client(n.Index).SetPeers(peers);
            }

            Program(2, "Bouncer", "subnet", $"[{{\"vni\":{Vni},\"cidr\":\"10.7.1.0/24\"}}]");
        }
        catch
        {
            _bed.Dispose();
            throw;
        }
    }

    public MizarNF.Testbed.Testbed Bed => _bed;

    public string Plugin => Repo.CniPlugin;

    /// <summary>A fresh client of node <paramref name="node"/>'s daemon (a restarted daemon keeps its socket path).</summary>
    public Node.NodeClient Client(int node) => NodeChannel.Client(Node(node).Socket);

    public TestbedNode Node(int node) => _bed.Nodes[node - 1];

    /// <summary>/var/run/netns/&lt;node namespace&gt;: where a runtime on that node runs its plugins.</summary>
    public string NodeNetns(int node) => "/var/run/netns/" + Node(node).Namespace;

    /// <summary>A new pod namespace (as a runtime makes one), by path.</summary>
    public string NewPodNetns(string name) => "/var/run/netns/" + _bed.CreatePodNamespace(name);

    /// <summary>A fresh address in 10.7.1.0/24.</summary>
    public string NextIp() => $"10.7.1.{Interlocked.Increment(ref _nextIp).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Provisions <paramref name="id"/> on <paramref name="node"/> without a netns (parked for the CNI), and teaches the bouncer, as the control plane does.</summary>
    public Endpoint Park(int node, string id, string ip)
    {
        var r = new ProvisionEndpointRequest { Id = id, Vni = Vni, Ip = ip, PrefixLength = 24, Gateway = Gateway };
        r.SubnetBouncers.Add(Node(2).Address.ToString());
        Endpoint e;
        try
        {
            e = Client(node).ProvisionEndpoint(r);
        }
        catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.Unknown)
        {
            throw new InvalidOperationException($"n{node} failed provisioning {id}; its log ends: {LogTail(node)}", ex);
        }

        Program(2, "Bouncer", "endpoint", $"[{{\"vni\":{Vni},\"ip\":\"{ip}\",\"host\":\"{Node(node).Address}\",\"mac\":\"{e.Mac}\"}}]");
        return e;
    }

    /// <summary>The plugin's network configuration for node <paramref name="node"/>, with extra keys.</summary>
    public string Conf(int node, string version = "1.1.0", Action<JsonObject>? edit = null)
    {
        var o = new JsonObject
        {
            ["cniVersion"] = version,
            ["name"] = "mizarnf",
            ["type"] = "mizarnf-cni",
            ["socket"] = Node(node).Socket,
            ["timeoutSeconds"] = 5,
        };
        edit?.Invoke(o);
        return o.ToJsonString();
    }

    /// <summary>Runs mizarnf-cni on <paramref name="node"/> as its runtime would.</summary>
    public PluginRun Cni(int node, Dictionary<string, string> env, string conf) => CniInvoker.Run(Plugin, env, conf, NodeNetns(node));

    /// <summary>Runs a command in a namespace given by path.</summary>
    public (int Exit, string Output) Exec(string netnsPath, params string[] command)
    {
        var r = _bed.Exec(Path.GetFileName(netnsPath), command);
        return (r.ExitCode, r.Stdout + r.Stderr);
    }

    /// <summary>True when every ping came back.</summary>
    public bool Ping(string fromNetns, string to) => Exec(fromNetns, "ping", "-c", "3", "-i", "0.05", "-W", "1", to).Exit == 0;

    /// <summary>The last lines of a daemon's log, for failure messages.</summary>
    public string LogTail(int node) => string.Join('\n', File.ReadLines(Node(node).Log).TakeLast(30));

    public void Dispose() => _bed.Dispose();

    private void Program(int node, string function, string kind, string json) =>
        Client(node).ProgramFunction(new ProgramFunctionRequest { Function = function, Kind = kind, Json = json, Operation = Operation.Upsert });
}

[CollectionDefinition(Name)]
public sealed class CniNodesCollection : ICollectionFixture<CniNodes>
{
    public const string Name = "two CNI nodes";
}
