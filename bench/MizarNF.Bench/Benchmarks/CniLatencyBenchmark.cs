using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MizarNF.Bench.Cni;
using MizarNF.Bench.Provisioning;
using MizarNF.Bench.Report;
using MizarNF.Composer.Plugins;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.Testbed;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// CNI ADD and DEL latency, process start included, as a runtime sees it: mizarnf-cni (NativeAOT)
/// attaching endpoints the control plane parked, and making them on ADD from the conflist,
/// beside Debian's reference ptp plugin with host-local IPAM doing the same job (a veth pair, an
/// address, a default route) on the same testbed node, interleaved pod by pod in the same run.
/// </summary>
internal sealed class CniLatencyBenchmark : IBenchmark
{
    private const string Gateway = "10.8.0.1";

    public string Name => "cni-latency";

    public string Description => "CNI ADD/DEL p50/p99 over N pods: mizarnf-cni (parked endpoint, conflist endpoint) beside Debian's ptp + host-local on the same node; goal ≤ 1.0× ptp";

    public Command Command()
    {
        var pods = new Option<int>("--pods") { Description = "pods attached and detached per plugin", DefaultValueFactory = _ => 200 };
        var plugin = new Option<string?>("--plugin") { Description = "the published mizarnf-cni (default: artifacts/cni/mizarnf-cni)" };
        var c = new Command(Name, Description) { pods, plugin };
        c.SetAction((r, ct) => RunAsync(r.GetValue(pods), r.GetValue(plugin), ct));
        return c;
    }

    private static async Task<int> RunAsync(int pods, string? plugin, CancellationToken ct)
    {
        var cni = plugin ?? Path.Combine(RepoRoot(), "artifacts", "cni", "mizarnf-cni");
        if (!File.Exists(cni))
        {
            Console.Error.WriteLine($"{cni} is missing: run ./run.sh setup (it publishes the NativeAOT plugin)");
            return 2;
        }

        var progress = new Progress<string>(Console.Error.WriteLine);
        using var bed = await MizarNF.Testbed.Testbed.UpAsync(new TestbedOptions { Nodes = 1, NodeCommand = NodeDaemonCommand.Create(PluginLocator.Default()) }, progress, ct);
        var node = bed.Nodes[0];
        var client = NodeChannel.Client(node.Socket);
        var ipamDir = Directory.CreateDirectory(Path.Combine(bed.RunDirectory, "host-local")).FullName;
        var bouncer = node.Address.ToString();

        var parked = new CniSubject("mizarnf-cni (parked by control plane)", "h", cni, Conf("mizarnf-cni", $"\"socket\":\"{node.Socket}\""), i => $"K8S_POD_NAMESPACE=bench;K8S_POD_NAME=h{i}");
        var onAdd = new CniSubject("mizarnf-cni (made on ADD)", "a", cni,
            Conf("mizarnf-cni", $"\"socket\":\"{node.Socket}\",\"endpoint\":{{\"vni\":300,\"subnet\":\"10.8.0.0/16\",\"gateway\":\"{Gateway}\",\"bouncers\":[\"{bouncer}\"]}}"),
            i => $"K8S_POD_NAMESPACE=bench;K8S_POD_NAME=a{i};IP={Ip(20000 + i)}");
        var ptp = new CniSubject("ptp + host-local (Debian)", "p", "/usr/lib/cni/ptp",
            Conf("ptp", $"\"mtu\":1450,\"ipMasq\":false,\"ipam\":{{\"type\":\"host-local\",\"ranges\":[[{{\"subnet\":\"10.9.0.0/16\"}}]],\"dataDir\":\"{ipamDir}\"}}"), _ => null);
        CniSubject[] subjects = [parked, onAdd, ptp];

        Console.Error.WriteLine($"making {pods * subjects.Length} pod namespaces and parking {pods} endpoints (the runtime's and the control plane's part, untimed)");
        var netns = subjects.ToDictionary(s => s, s => Enumerable.Range(0, pods + 3).Select(i => "/var/run/netns/" + bed.CreatePodNamespace($"{s.Tag}{i}")).ToList());
        var parkMs = new List<double>();
        for (var i = 0; i < pods + 3; i++)
        {
            var r = new ProvisionEndpointRequest { Id = $"bench.h{i}", Vni = 300, Ip = Ip(10000 + i), PrefixLength = 16, Gateway = Gateway };
            r.SubnetBouncers.Add(bouncer);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await client.ProvisionEndpointAsync(r, cancellationToken: ct);
            parkMs.Add(sw.Elapsed.TotalMilliseconds);
        }

        // Timed from this thread, moved into the node's namespace: every plugin process starts
        // there, as under a runtime on that node. Pods 0-2 warm up and are not counted.
        MizarNF.Bpf.NetworkNamespace.Run(node.Namespace, () =>
        {
            for (var i = 0; i < pods + 3; i++)
            {
                foreach (var s in subjects)
                {
                    var ms = PluginProcess.Run(s.Plugin, PluginProcess.Env("ADD", $"{s.Tag}ctr{i}", netns[s][i], s.ArgsFor(i)), s.Conf);
                    if (i >= 3)
                    {
                        s.Add.Add(ms);
                    }
                }

                Report(i, pods, "ADD");
            }

            for (var i = 0; i < pods + 3; i++)
            {
                foreach (var s in subjects)
                {
                    var ms = PluginProcess.Run(s.Plugin, PluginProcess.Env("DEL", $"{s.Tag}ctr{i}", netns[s][i], s.ArgsFor(i)), s.Conf);
                    if (i >= 3)
                    {
                        s.Del.Add(ms);
                    }
                }

                Report(i, pods, "DEL");
            }
        });

        Print(subjects, ptp, pods, new Millis(parkMs.Skip(3)));
        return 0;
    }

    private static string Conf(string type, string extra) =>
        $"{{\"cniVersion\":\"1.0.0\",\"name\":\"bench-{type}\",\"type\":\"{type}\",{extra}}}";

    private static string Ip(int n) => $"10.8.{n / 250}.{(n % 250) + 2}";

    private static void Report(int i, int pods, string verb)
    {
        if ((i + 1) % 50 == 0 || i == pods + 2)
        {
            Console.Error.WriteLine($"  {verb} {i + 1}/{pods + 3} pods per plugin");
        }
    }

    private static void Print(CniSubject[] subjects, CniSubject baseline, int pods, Millis park)
    {
        var table = new TextTable(["plugin", "ADD p50 ms", "ADD p99 ms", "DEL p50 ms", "DEL p99 ms", "ADD p50 ×ptp", "DEL p50 ×ptp"], 1, 2, 3, 4, 5, 6);
        var b = (Add: new Millis(baseline.Add), Del: new Millis(baseline.Del));
        var json = new JsonObject { ["benchmark"] = "cni-latency", ["pods"] = pods };
        foreach (var s in subjects)
        {
            var (add, del) = (new Millis(s.Add), new Millis(s.Del));
            table.Add(s.Name, F(add.Median), F(add.Percentile(99)), F(del.Median), F(del.Percentile(99)), F(add.Median / b.Add.Median, "0.00"), F(del.Median / b.Del.Median, "0.00"));
            var key = s == baseline ? "ptp" : s.Name.Contains("parked", StringComparison.Ordinal) ? "mizarnf_parked" : "mizarnf_on_add";
            json[key] = new JsonObject
            {
                ["add_p50_ms"] = Math.Round(add.Median, 2),
                ["add_p99_ms"] = Math.Round(add.Percentile(99), 2),
                ["del_p50_ms"] = Math.Round(del.Median, 2),
                ["del_p99_ms"] = Math.Round(del.Percentile(99), 2),
                ["add_p50_ratio"] = Math.Round(add.Median / b.Add.Median, 3),
                ["del_p50_ratio"] = Math.Round(del.Median / b.Del.Median, 3),
            };
        }

        Console.WriteLine($"CNI ADD/DEL latency, process start included, {pods} pods per plugin, interleaved on one testbed node");
        table.Print(Console.Out);
        Console.WriteLine($"parked: the control plane's ProvisionEndpoint (before ADD, untimed above) p50 {F(park.Median)} ms, p99 {F(park.Percentile(99))} ms");
        json["park_p50_ms"] = Math.Round(park.Median, 2);
        JsonLine.Print(json, Console.Out);
    }

    private static string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MizarNF.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
