using System.Globalization;
using System.Net;
using System.Text;
using MizarNF.Bench.Overlay;
using MizarNF.Composer.Plugins;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>
/// MizarNF: node daemons on n1 and n2 with the default hooks, the subnet 10.7.0.0/24 (VNI 7) with
/// its bouncer on n2, the client pod 10.7.0.10 on n1 and the backend pod 10.7.0.20 on n2. The
/// services are ScaledEndpoint entries on n2, the subnet's bouncer and the services' owner, written
/// with one ProgramFunction (replace) per level, as the control plane programs an owner. A new
/// connection's first packet goes from n1's agent to the bouncer, which decides and turns it back;
/// the rest of the flow goes straight to n2's pod.
/// </summary>
internal sealed class MizarNFServiceSetup : IServiceSetup
{
    private const uint Vni = 7;
    private readonly MizarNF.Testbed.Testbed _bed;
    private readonly DaemonReport _daemons;
    private readonly EchoServer _server;
    private readonly string _backendHost;

    /// <param name="maxServices">The most services any level defines: the service tables are sized for it (a one-backend service's Maglev table has 251 slots).</param>
    public MizarNFServiceSetup(int maxServices, IProgress<string> progress, CancellationToken stop)
    {
        var entries = Math.Max(4096, 2 * maxServices).ToString(CultureInfo.InvariantCulture);
        var slots = Math.Max(131072, 256 * maxServices).ToString(CultureInfo.InvariantCulture);
        string[] sizes = ["--map-size", $"svc_svcs={entries}", "--map-size", $"svc_vips={entries}", "--map-size", $"svc_maglev={slots}"];
        _bed = BenchTestbed.Up(BenchTestbed.NewPrefix(), NodeDaemonCommand.Create(PluginLocator.Default(), extraArguments: sizes), progress, stop);
        try
        {
            _daemons = new DaemonReport(_bed.Nodes);
            var clients = _daemons.Clients;
            var peers = new SetPeersRequest();
            peers.Peers.AddRange(_bed.Nodes.Select(n => new Peer { Ip = n.Address.ToString(), Mac = n.Mac }));
            foreach (var c in clients)
            {
                c.SetPeers(peers, cancellationToken: stop);
            }

            var sh = new NodeShell(_bed);
            foreach (var node in _bed.Nodes)
            {
                sh.DisableIpv6(node.Namespace);
            }

            _backendHost = _bed.Nodes[1].Address.ToString();
            clients[1].ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "subnet", Json = $"[{{\"vni\":{Vni},\"cidr\":\"10.7.0.0/24\"}}]" }, cancellationToken: stop);
            var pods = new List<string>();
            foreach (var (name, node, ip) in new[] { ("p1", 0, "10.7.0.10"), ("p2", 1, "10.7.0.20") })
            {
                var netns = _bed.CreatePodNamespace(name);
                sh.DisableIpv6(netns);
                var request = new ProvisionEndpointRequest { Id = name, Vni = Vni, Ip = ip, PrefixLength = 24, Gateway = "10.7.0.1", Netns = netns };
                request.SubnetBouncers.Add(_backendHost);
                var endpoint = clients[node].ProvisionEndpoint(request, cancellationToken: stop);
                clients[1].ProgramFunction(new ProgramFunctionRequest
                {
                    Function = "Bouncer",
                    Kind = "endpoint",
                    Json = $"[{{\"vni\":{Vni},\"ip\":\"{ip}\",\"host\":\"{_bed.Nodes[node].Address}\",\"mac\":\"{endpoint.Mac}\"}}]",
                }, cancellationToken: stop);
                pods.Add(netns);
            }

            ClientNamespace = pods[0];
            _server = new EchoServer(pods[1], IPAddress.Any, ServiceAddresses.BackendPort);
        }
        catch
        {
            _daemons?.Dispose();
            _bed.Dispose();
            throw;
        }
    }

    public string Key => "mizarnf";

    public string Name => "MizarNF ScaledEndpoint";

    public string ClientNamespace { get; }

    public IPEndPoint Define(int count)
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < count; i++)
        {
            json.Append(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : ",")}{{\"vni\":{Vni},\"ip\":\"{ServiceAddresses.ClusterIp(i)}\",\"port\":{ServiceAddresses.ServicePort},\"protocol\":\"tcp\",\"backends\":[{{\"ip\":\"10.7.0.20\",\"port\":{ServiceAddresses.BackendPort},\"host\":\"{_backendHost}\"}}]}}");
        }

        json.Append(']');
        _daemons.Clients[1].ProgramFunction(new ProgramFunctionRequest { Function = "ScaledEndpoint", Operation = Operation.Replace, Kind = "service", Json = json.ToString() });
        return new IPEndPoint(ServiceAddresses.ClusterIp(count - 1), ServiceAddresses.ServicePort);
    }

    public void Dispose()
    {
        try
        {
            _server.Dispose();
            _daemons.Dispose();
        }
        finally
        {
            _bed.Dispose();
        }
    }
}
