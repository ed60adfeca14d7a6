using System.Net;
using System.Text;
using MizarNF.Bench.Overlay;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>
/// The kube-proxy baseline: plain routing between two nodes (pods 10.8.i.10 behind veth pod0, each
/// node routes the other's pod subnet via the underlay), and in the client node's namespace the nat
/// rules kube-proxy's iptables mode writes: PREROUTING/OUTPUT jump to KUBE-SERVICES, one rule per
/// service port there (-d ClusterIP -p tcp --dport) to its KUBE-SVC chain, which jumps to a KUBE-SEP
/// chain that DNATs to the endpoint. The measured service's rule is written last in KUBE-SERVICES,
/// the worst place in a linear list (kube-proxy's order is by hash, so on average half way).
/// Rules go in with one iptables-restore per level, as kube-proxy syncs.
/// </summary>
internal sealed class IptablesSetup : IServiceSetup
{
    private readonly MizarNF.Testbed.Testbed _bed;
    private readonly NodeShell _sh;
    private readonly string _clientNode;
    private readonly IPAddress _backend = IPAddress.Parse("10.8.2.10");
    private readonly EchoServer _server;

    public IptablesSetup(IProgress<string> progress, CancellationToken stop)
    {
        _bed = BenchTestbed.Up(BenchTestbed.NewPrefix(), null, progress, stop);
        try
        {
            _sh = new NodeShell(_bed);
            var nodes = _bed.Nodes;
            var pods = new string[2];
            for (var i = 0; i < 2; i++)
            {
                var subnet = $"10.8.{i + 1}";
                KernelPod.PrepareNode(_sh, nodes[i]);
                pods[i] = KernelPod.Add(_bed, _sh, nodes[i], $"p{i + 1}", 1500, $"{subnet}.10/24", $"{subnet}.1/24");
                _sh.Run(nodes[i].Namespace, "ip", "route", "add", $"10.8.{2 - i}.0/24", "via", nodes[1 - i].Address.ToString(), "dev", nodes[i].UnderlayInterface);
            }

            _clientNode = nodes[0].Namespace;
            ClientNamespace = pods[0];
            _server = new EchoServer(pods[1], IPAddress.Any, ServiceAddresses.BackendPort);
        }
        catch
        {
            _bed.Dispose();
            throw;
        }
    }

    public string Key => "iptables";

    public string Name => "iptables DNAT (kube-proxy style)";

    public string ClientNamespace { get; }

    public IPEndPoint Define(int count)
    {
        var rules = new StringBuilder();
        rules.Append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n");
        for (var i = 0; i < count; i++)
        {
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $":KUBE-SVC-{i:X8} - [0:0]\n:KUBE-SEP-{i:X8} - [0:0]\n");
        }

        rules.Append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
        rules.Append("-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
        for (var i = 0; i < count; i++)
        {
            var vip = ServiceAddresses.ClusterIp(i);
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $"-A KUBE-SERVICES -d {vip}/32 -p tcp -m comment --comment \"bench/svc{i}:http cluster IP\" -m tcp --dport {ServiceAddresses.ServicePort} -j KUBE-SVC-{i:X8}\n");
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $"-A KUBE-SVC-{i:X8} -m comment --comment \"bench/svc{i}:http -> {_backend}:{ServiceAddresses.BackendPort}\" -j KUBE-SEP-{i:X8}\n");
            rules.Append(System.Globalization.CultureInfo.InvariantCulture, $"-A KUBE-SEP-{i:X8} -p tcp -m comment --comment \"bench/svc{i}:http\" -m tcp -j DNAT --to-destination {_backend}:{ServiceAddresses.BackendPort}\n");
        }

        rules.Append("COMMIT\n");
        var file = Path.Combine(_bed.RunDirectory, "kube-proxy.rules");
        File.WriteAllText(file, rules.ToString());
        _sh.Run(_clientNode, "iptables-restore", file);
        return new IPEndPoint(ServiceAddresses.ClusterIp(count - 1), ServiceAddresses.ServicePort);
    }

    public void Dispose()
    {
        try
        {
            _server.Dispose();
        }
        finally
        {
            _bed.Dispose();
        }
    }
}
