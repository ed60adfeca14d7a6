using System.Diagnostics;
using System.Globalization;
using System.Net;
using MizarNF.ControlPlane;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using Node = MizarNF.ControlPlane.Objects.Node;

namespace MizarNF.Cli.Commands;

/// <summary>The demo's scenario, on a testbed, through the embedded control plane.</summary>
internal sealed class DemoScript(Demo demo, MizarNF.Testbed.Testbed bed, Reconciler cp)
{
    private readonly Dictionary<string, Endpoint> _endpoints = [];

    public async Task RunAsync(int more, CancellationToken ct)
    {
        demo.Step("Registering the nodes with the control plane");
        foreach (var n in bed.Nodes)
        {
            await cp.ApplyAsync(new Node { Metadata = new ObjectMeta { Name = n.Name }, Spec = new NodeSpec { Address = n.Address.ToString(), Mac = n.Mac, Socket = n.Socket } }, ct);
        }

        ControlPlaneCommands.PrintTable(Node.KindName, cp.Store.List(Node.KindName));

        demo.Step("Default VPC 10.0.0.0/16 with one divider; subnet 10.0.1.0/24 with one bouncer; two endpoints");
        await MakeVpc("default", "10.0.0.0/16", 1, ct, serviceCidr: "10.96.0.0/16");
        await MakeSubnet("default", "default", "10.0.1.0/24", ct);
        await MakeEndpoint("ep1", "default", "default", "n1", ct);
        await MakeEndpoint("ep2", "default", "default", "n2", ct);
        Ping("ep1", "ep2", expect: true);

        demo.Step("VPC tenant-b, the SAME 10.0.0.0/16, two dividers; subnets 10.0.1.0/24 and 10.0.2.0/24, one bouncer each");
        await MakeVpc("tenant-b", "10.0.0.0/16", 2, ct);
        await MakeSubnet("b-front", "tenant-b", "10.0.1.0/24", ct);
        await MakeSubnet("b-back", "tenant-b", "10.0.2.0/24", ct);
        await MakeEndpoint("b1", "tenant-b", "b-front", "n1", ct);
        await MakeEndpoint("b2", "tenant-b", "b-back", "n3", ct);
        ControlPlaneCommands.PrintTable(ControlPlane.Objects.Vpc.KindName, cp.Store.List(ControlPlane.Objects.Vpc.KindName));
        ControlPlaneCommands.PrintTable(ControlPlane.Objects.Subnet.KindName, cp.Store.List(ControlPlane.Objects.Subnet.KindName));
        Ping("b1", "b2", expect: true, what: "across subnets, through a divider");

        demo.Step("Isolation: VPCs never reach each other, even with overlapping addresses");
        demo.Say($"ep1 (default) and b1 (tenant-b) both have {Ip("ep1")}: {(Ip("ep1") == Ip("b1") ? "same address, different VNI" : "different addresses")}");
        Ping("ep1", "b2", expect: false, what: "default → tenant-b's 10.0.2.0/24");
        Ping("b1", "ep2", expect: false, what: "tenant-b → an address only the default VPC has");
        Ping("b2", "b1", expect: true, what: $"{Ip("b1")} is b1 inside tenant-b, whatever the default VPC holds at that address");

        demo.Step($"Provisioning {more} more endpoints (1 call to the endpoint's node + 1 per bouncer each)");
        var times = new List<double>();
        for (var i = 0; i < more; i++)
        {
            var node = bed.Nodes[i % bed.Nodes.Count].Name;
            var sw = Stopwatch.StartNew();
            var e = await MakeEndpoint($"pod{i + 1:00}", "default", "default", node, ct, quiet: true);
            times.Add(sw.Elapsed.TotalMilliseconds);
            Console.WriteLine($"    pod{i + 1:00} on {node}: {e.Status.Ip,-10} {sw.Elapsed.TotalMilliseconds,6:0.0} ms (node call {e.Status.ProvisionedIn:0.0} ms)");
        }

        if (times.Count > 0)
        {
            times.Sort();
            demo.Expect($"{more} endpoints provisioned", _endpoints.Count >= more + 4,
                string.Create(CultureInfo.InvariantCulture, $"p50 {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms, first {times[0]:0.0} ms"));
        }

        demo.Step("Only the first packets of a flow meet a bouncer; after that the flow goes direct");
        var (a, b) = more >= 2 ? ("pod01", "pod02") : ("ep1", "ep2");
        var before = BouncerPackets();
        Ping(a, b, expect: true, count: 10);
        var first = BouncerPackets() - before;
        demo.Expect($"{a} → {b}: at most the ARP/first packet of each direction went through a bouncer", first <= 2, $"{first} of 20 packets");
        before = BouncerPackets();
        Ping(a, b, expect: true, count: 20);
        var warm = BouncerPackets() - before;
        demo.Expect("the warm flow: no packet through a bouncer", warm == 0, $"{warm} of 40 packets");

        await ServiceAsync(more, ct);
        PrintCounters();
    }

    /// <summary>
    /// Packet walk 6: a ClusterIP whose owner decides each new flow once (Maglev) and turns its first
    /// packet back to the client's node, which then goes straight to the chosen backend.
    /// </summary>
    private async Task ServiceAsync(int more, CancellationToken ct)
    {
        const int Connections = 30;
        string[] backends = more >= 3 ? ["pod01", "pod02", "pod03"] : ["ep1", "ep2"];
        demo.Step($"A service without kube-proxy: ClusterIP 10.96.0.10:80 → port 8080 of {string.Join(", ", backends)}, decided once per flow by its owner");
        var svc = await cp.ApplyAsync(new Service
        {
            Metadata = new ObjectMeta { Name = "web" },
            Spec = new ServiceSpec
            {
                Vpc = "default",
                ClusterIp = "10.96.0.10",
                Ports = [new ServicePort { Name = "http", Port = 80, TargetPort = 8080, Protocol = "TCP" }],
                Endpoints = backends,
                Owners = 1,
            },
        }, ct);
        demo.Expect("service/web ready", svc.IsReady, $"owner {string.Join(",", svc.Status.Owners)}, backends {string.Join(", ", svc.Status.Backends.Select(b => $"{b.Endpoint} {b.Ip}"))}");
        ControlPlaneCommands.PrintTable(Service.KindName, cp.Store.List(Service.KindName));

        var owners = bed.Nodes.Where(n => svc.Status.Owners.Contains(n.Name) || svc.Status.Owners.Contains(n.Address.ToString())).ToList();
        var client = _endpoints.Values.FirstOrDefault(e => e.Spec.Vpc == "default" && !backends.Contains(e.Name) && owners.All(o => o.Name != e.Spec.Node))
            ?? _endpoints.Values.First(e => e.Spec.Vpc == "default" && !backends.Contains(e.Name));
        using var servers = new DemoBackends();
        foreach (var b in backends)
        {
            servers.Start(b, _endpoints[b].Spec.Netns, 8080);
        }

        var before = OwnerDecisions(owners);
        var answers = DemoBackends.Connect(client.Spec.Netns, new IPEndPoint(IPAddress.Parse("10.96.0.10"), 80), Connections);
        var decided = OwnerDecisions(owners) - before;
        var answered = answers.Count(a => a.Length > 0);
        var spread = string.Join(", ", backends.Select(b => $"{b} {answers.Count(a => a == b)}"));
        demo.Expect($"{client.Name} on {client.Spec.Node}: {Connections} TCP connections to 10.96.0.10:80 answered", answered == Connections, $"{answered} answered: {spread}");
        demo.Expect("every backend served some of them (Maglev)", backends.All(b => answers.Contains(b)), spread);
        demo.Expect("the owner decided each flow once, from its first packet; the rest went straight to the backends", decided == (ulong)Connections, $"{decided} packets turned back by the owner for {Connections} flows");
        Ping(client.Name, "web", expect: true, what: "the ClusterIP answers ping", target: "10.96.0.10");
    }

    /// <summary>Packets the owners' ScaledEndpoint turned back to a client's node (one per new flow).</summary>
    private static ulong OwnerDecisions(IEnumerable<MizarNF.Testbed.TestbedNode> owners) => owners.Aggregate(0UL, (sum, n) => sum + NodeChannel.Client(n.Socket).GetCounters(new GetCountersRequest())
        .Functions.Where(f => f.AttachPoint == "transit" && f.Function == "ScaledEndpoint").Aggregate(0UL, (s, f) => s + f.Tx + f.Redirect));

    private async Task MakeVpc(string name, string cidr, int dividers, CancellationToken ct, string? serviceCidr = null)
    {
        var v = await cp.ApplyAsync(new Vpc { Metadata = new ObjectMeta { Name = name }, Spec = new VpcSpec { Cidr = cidr, Dividers = dividers, ServiceCidr = serviceCidr } }, ct);
        demo.Expect($"vpc/{name} ready", v.IsReady, $"VNI {v.Status.Vni}, dividers {string.Join(",", v.Status.Dividers)}");
    }

    private async Task MakeSubnet(string name, string vpc, string cidr, CancellationToken ct)
    {
        var s = await cp.ApplyAsync(new Subnet { Metadata = new ObjectMeta { Name = name }, Spec = new SubnetSpec { Vpc = vpc, Cidr = cidr } }, ct);
        demo.Expect($"subnet/{name} ready", s.IsReady, $"gateway {s.Status.Gateway}, bouncers {string.Join(",", s.Status.Bouncers)}");
    }

    private async Task<Endpoint> MakeEndpoint(string name, string vpc, string subnet, string node, CancellationToken ct, bool quiet = false)
    {
        var netns = bed.CreatePodNamespace(name);
        var e = await cp.ApplyAsync(new Endpoint { Metadata = new ObjectMeta { Name = name }, Spec = new EndpointSpec { Vpc = vpc, Subnet = subnet, Node = node, Netns = netns } }, ct);
        _endpoints[name] = e;
        if (!quiet || !e.IsReady)
        {
            demo.Expect($"endpoint/{name} ready on {node}", e.IsReady, $"{e.Status.Ip} {e.Status.Mac}, {e.Status.ProvisionedIn:0.0} ms" + (e.IsReady ? string.Empty : $": {Conditions.Find(e.Status.Conditions, Conditions.Ready)?.Message}"));
        }

        return e;
    }

    private string Ip(string endpoint) => _endpoints[endpoint].Status.Ip ?? "?";

    private void Ping(string from, string to, bool expect, string? what = null, int count = 3, string? target = null)
    {
        var address = target ?? Ip(to);
        var (exit, stdout, _) = bed.Exec(_endpoints[from].Spec.Netns, "ping", "-c", count.ToString(CultureInfo.InvariantCulture), "-i", "0.05", "-W", "1", address);
        var summary = stdout.Split('\n').FirstOrDefault(l => l.Contains("packets transmitted", StringComparison.Ordinal)) ?? "no reply";
        demo.Expect($"ping {from} → {to} ({address}) {(expect ? "answered" : "not answered")}{(what is null ? string.Empty : $": {what}")}", (exit == 0) == expect, summary.Trim());
    }

    private ulong BouncerPackets() => bed.Nodes.Aggregate(0UL, (sum, n) => sum + NodeChannel.Client(n.Socket).GetCounters(new GetCountersRequest())
        .Functions.Where(f => f.AttachPoint == "transit" && f.Function == "Bouncer").Aggregate(0UL, (s, f) => s + f.Tx));

    private void PrintCounters()
    {
        Console.WriteLine();
        Table.Print(["node", "attach", "function", "pass", "drop", "tx", "redirect", "drops by reason"], bed.Nodes.SelectMany(n =>
            NodeChannel.Client(n.Socket).GetCounters(new GetCountersRequest()).Functions
                .Where(f => f.Pass + f.Drop + f.Tx + f.Redirect > 0)
                .Select(f => (IReadOnlyList<string>)[n.Name, f.AttachPoint, f.Function, $"{f.Pass}", $"{f.Drop}", $"{f.Tx}", $"{f.Redirect}",
                    string.Join(" ", f.Drops.Select(d => $"{d.Reason}={d.Packets}"))])));
    }
}
