using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MizarNF.Bench.Provisioning;
using MizarNF.Bench.Report;
using MizarNF.Composer.Plugins;
using MizarNF.ControlPlane;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;
using MizarNF.Testbed;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// Endpoint provisioning through the embedded control plane, from "object applied" to "endpoint
/// answers a ping", on 3 real testbed nodes, with 10, 1,000 and 10,000 endpoints already present
/// on up to 1,000 simulated nodes. The baseline is the same measurement with 10 present.
/// </summary>
internal sealed class ProvisioningBenchmark : IBenchmark
{
    private const int WarmupPerNode = 15;

    public string Name => "provisioning";

    public string Description => "endpoint applied → reachable, p50/p99 and endpoints/s with 10, 1,000, 10,000 present (3 real + simulated nodes); goal p99@10k ≤ 1.2× p99@10, p50 < 20 ms";

    public Command Command()
    {
        var samples = new Option<int>("--samples") { Description = "endpoints measured per level", DefaultValueFactory = _ => 30 };
        var simulated = new Option<int>("--simulated-nodes") { Description = "simulated nodes holding the endpoints already present", DefaultValueFactory = _ => 1000 };
        var levels = new Option<int[]>("--present") { Description = "endpoints present before measuring", DefaultValueFactory = _ => [10, 1000, 10000], AllowMultipleArgumentsPerToken = true };
        var fsync = new Option<bool>("--store-fsync") { Description = "the control plane's store syncs every write to disk (as in production); false shows what the syncs cost", DefaultValueFactory = _ => true };
        var c = new Command(Name, Description) { samples, simulated, levels, fsync };
        c.SetAction((r, ct) => RunAsync(r.GetValue(samples), r.GetValue(simulated), r.GetValue(levels)!, r.GetValue(fsync), ct));
        return c;
    }

    private static async Task<int> RunAsync(int samples, int simulatedNodes, int[] levels, bool fsync, CancellationToken ct)
    {
        var progress = new Progress(Console.Error);
        using var bed = await MizarNF.Testbed.Testbed.UpAsync(new TestbedOptions { Nodes = 3, NodeCommand = NodeDaemonCommand.Create(PluginLocator.Default()) }, progress, ct);
        var storeDir = Path.Combine(bed.RunDirectory, "control");
        using var store = FileObjectStore.Open(storeDir, durable: fsync);
        using var nodes = new MixedNodeFactory(bed.Nodes.Select(n => n.Name).ToHashSet());
        var cp = new Reconciler(store, nodes);

        foreach (var n in bed.Nodes)
        {
            await cp.ApplyAsync(new Node { Metadata = new ObjectMeta { Name = n.Name }, Spec = new NodeSpec { Address = n.Address.ToString(), Mac = n.Mac, Socket = n.Socket } }, ct);
        }

        // The VPC and the measured subnet are placed while only the real nodes exist.
        await cp.ApplyAsync(new Vpc { Metadata = new ObjectMeta { Name = "bench" }, Spec = new VpcSpec { Cidr = "10.0.0.0/8" } }, ct);
        await cp.ApplyAsync(new Subnet { Metadata = new ObjectMeta { Name = "real" }, Spec = new SubnetSpec { Vpc = "bench", Cidr = "10.1.0.0/16" } }, ct);
        var probe = await Endpoint(cp, bed.CreatePodNamespace("probe"), "probe", "real", "n1", ct);
        using var icmp = new IcmpProbe(probe.Spec.Netns);

        // A daemon's first endpoint pays for JIT-compiling its provisioning path (about 40 ms here,
        // once per daemon start), and the first few dozen calls of any .NET path run unoptimised
        // code until tiered compilation replaces it: endpoints made and deleted on every real node
        // first, unmeasured, as on nodes and a control plane that have been running for a while.
        Console.Error.Write("warming up");
        for (var i = 0; i < WarmupPerNode; i++)
        {
            foreach (var n in bed.Nodes)
            {
                var name = $"warm-{n.Name}-{i}";
                await Endpoint(cp, bed.CreatePodNamespace(name), name, "real", n.Name, ct);
                await cp.DeleteAsync(MizarNF.ControlPlane.Objects.Endpoint.KindName, name, ct);
            }

            Console.Error.Write('.');
        }

        Console.Error.WriteLine();

        Console.Error.WriteLine($"registering {simulatedNodes} simulated nodes");
        RegisterSimulatedNodes(store, simulatedNodes);
        await cp.ApplyAsync(new Subnet { Metadata = new ObjectMeta { Name = "sim" }, Spec = new SubnetSpec { Vpc = "bench", Cidr = "10.64.0.0/12", Bouncers = 2 } }, ct);

        var results = new List<(int Present, Millis Latency, Millis Apply, Millis NodeCalls, double PerSecond)>();
        var present = 1; // the probe
        var measured = 0;
        foreach (var level in levels.Order())
        {
            Console.Error.Write($"filling to {level} endpoints present");
            var sw = Stopwatch.StartNew();
            for (; present < level; present++)
            {
                var node = $"sim{(present % simulatedNodes) + 1:0000}";
                await cp.ApplyAsync(new Endpoint { Metadata = new ObjectMeta { Name = $"s{present}" }, Spec = new EndpointSpec { Vpc = "bench", Subnet = "sim", Node = node, Netns = "/simulated" } }, ct);
                if (present % 1000 == 0)
                {
                    Console.Error.Write('.');
                }
            }

            Console.Error.WriteLine($" ({sw.Elapsed.TotalSeconds:0.0} s)");
            var latencies = new List<double>();
            var applies = new List<double>();
            var nodeCalls = new List<double>();
            var total = Stopwatch.StartNew();
            for (var i = 0; i < samples; i++)
            {
                var node = bed.Nodes[i % bed.Nodes.Count].Name;
                var name = $"m{measured++}";
                var netns = bed.CreatePodNamespace(name); // the runtime's part, made before the object is applied
                var t = Stopwatch.StartNew();
                var e = await Endpoint(cp, netns, name, "real", node, ct);
                applies.Add(t.Elapsed.TotalMilliseconds);
                nodeCalls.Add(e.Status.ProvisionedIn ?? double.NaN);
                if (!icmp.WaitReachable(System.Net.IPAddress.Parse(e.Status.Ip!), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException($"{e.Status.Ip} never answered");
                }

                latencies.Add(t.Elapsed.TotalMilliseconds);
            }

            var dist = new Millis(latencies);
            results.Add((present, dist, new Millis(applies), new Millis(nodeCalls), samples / total.Elapsed.TotalSeconds));
            Console.Error.WriteLine($"  {present,6} present: reachable p50 {dist.Median:0.0} ms, p99 {dist.Percentile(99):0.0} ms");
        }

        Print(results);
        return 0;
    }

    private static async Task<Endpoint> Endpoint(Reconciler cp, string netns, string name, string subnet, string node, CancellationToken ct)
    {
        var e = await cp.ApplyAsync(new Endpoint { Metadata = new ObjectMeta { Name = name }, Spec = new EndpointSpec { Vpc = "bench", Subnet = subnet, Node = node, Netns = netns } }, ct);
        return e.IsReady ? e : throw new InvalidOperationException($"endpoint {name} not ready: {Conditions.Find(e.Status.Conditions, Conditions.Ready)?.Message}");
    }

    /// <summary>
    /// Simulated nodes go into the store as Ready in bulk: registering them one by one would send
    /// every node the growing peer list (quadratic), which is not what is measured here.
    /// </summary>
    private static void RegisterSimulatedNodes(FileObjectStore store, int count)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= count; i++)
        {
            var name = $"sim{i:0000}";
            store.Put(new Node
            {
                Metadata = new ObjectMeta { Name = name, Generation = 1, CreationTimestamp = now },
                Spec = new NodeSpec { Address = $"100.{64 + (i >> 16)}.{(i >> 8) & 255}.{i & 255}", Mac = $"02:51:00:00:{i >> 8:x2}:{i & 255:x2}", Socket = "/simulated" },
                Status = new NodeStatus { ObservedGeneration = 1, Conditions = Conditions.Set([], Conditions.Ready, true, "Simulated", "in-memory node", now) },
            });
        }
    }

    private static void Print(List<(int Present, Millis Latency, Millis Apply, Millis NodeCalls, double PerSecond)> results)
    {
        Console.WriteLine();
        Console.WriteLine($"{"present",8} {"calls p50",10} {"calls p99",10} {"apply p50",10} {"reach p50",10} {"reach p99",10} {"endpoints/s",12} {"p99 vs 10",10}");
        var baseline = results[0].Latency.Percentile(99);
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Present,8} {r.NodeCalls.Median,8:0.0}ms {r.NodeCalls.Percentile(99),8:0.0}ms {r.Apply.Median,8:0.0}ms {r.Latency.Median,8:0.0}ms {r.Latency.Percentile(99),8:0.0}ms {r.PerSecond,12:0.0} {r.Latency.Percentile(99) / baseline,9:0.00}×"));
        }

        var last = results[^1];
        var ratio = last.Latency.Percentile(99) / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\ngoal p99 with {last.Present} present ≤ 1.2× p99 with {results[0].Present}: {ratio:0.00}× {(ratio <= 1.2 ? "OK" : "MISSED")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal p50 < 20 ms on the real nodes: {results[0].Latency.Median:0.0} ms {(results[0].Latency.Median < 20 ? "OK" : "MISSED")}"));
        var json = new JsonObject
        {
            ["bench"] = "provisioning",
            ["levels"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["present"] = r.Present,
                ["node_calls_p50_ms"] = Math.Round(r.NodeCalls.Median, 2),
                ["node_calls_p99_ms"] = Math.Round(r.NodeCalls.Percentile(99), 2),
                ["apply_p50_ms"] = Math.Round(r.Apply.Median, 2),
                ["reachable_p50_ms"] = Math.Round(r.Latency.Median, 2),
                ["reachable_p99_ms"] = Math.Round(r.Latency.Percentile(99), 2),
                ["endpoints_per_s"] = Math.Round(r.PerSecond, 2),
            }).ToArray()),
            ["p99_ratio_last_vs_first"] = Math.Round(ratio, 3),
        };
        JsonLine.Print(json, Console.Out);
    }

    private sealed class Progress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}
