using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MizarNF.Bench.Overlay;
using MizarNF.Bench.Provisioning;
using MizarNF.Bench.Report;
using MizarNF.Bench.ServiceLatency;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// TCP connection setup and request latency from a client pod on n1 to a ClusterIP service whose
/// backend is on n2, with 1, 1,000 and 10,000 services defined: MizarNF's ScaledEndpoint against
/// kube-proxy-style iptables DNAT on the same kind of testbed, in one run.
/// </summary>
internal sealed class ServiceLatencyBenchmark : IBenchmark
{
    public string Name => "service-latency";

    public string Description => "TCP connect + request latency to a ClusterIP with 1, 1,000, 10,000 services: MizarNF vs iptables DNAT (kube-proxy style); goal MizarNF 10k ≤ 1.1× 1, ≤ iptables at 1k";

    public Command Command()
    {
        var rounds = new Option<int>("--rounds") { Description = "connections measured per level", DefaultValueFactory = _ => 400 };
        var warmup = new Option<int>("--warmup") { Description = "connections before measuring, per level", DefaultValueFactory = _ => 30 };
        var levels = new Option<int[]>("--services") { Description = "service counts", DefaultValueFactory = _ => [1, 1000, 10000], AllowMultipleArgumentsPerToken = true };
        var only = new Option<string[]>("--setups") { Description = "which to run: mizarnf, iptables", DefaultValueFactory = _ => ["mizarnf", "iptables"], AllowMultipleArgumentsPerToken = true };
        var c = new Command(Name, Description) { rounds, warmup, levels, only };
        c.SetAction((r, ct) => Task.FromResult(Run(r.GetValue(rounds), r.GetValue(warmup), [.. r.GetValue(levels)!.Order()], r.GetValue(only)!, ct)));
        return c;
    }

    private static int Run(int rounds, int warmup, int[] levels, string[] only, CancellationToken stop)
    {
        var progress = new StderrProgress();
        var results = new List<Row>();
        (string Key, Func<IServiceSetup> Make)[] setups =
        [
            ("mizarnf", () => new MizarNFServiceSetup(levels[^1], progress, stop)),
            ("iptables", () => new IptablesSetup(progress, stop)),
        ];
        // Both testbeds stay up and are measured in alternating chunks at every level, so a change
        // of machine load shows on both sides instead of skewing the ratio.
        var active = new List<IServiceSetup>();
        try
        {
            foreach (var (_, make) in setups.Where(s => only.Contains(s.Key)))
            {
                active.Add(make());
            }

            const int Chunks = 10;
            foreach (var level in levels)
            {
                var targets = active.Select(setup =>
                {
                    Console.Error.WriteLine($"{setup.Name}: defining {level} services");
                    return setup.Define(level);
                }).ToList();
                var connect = active.Select(_ => new List<double>()).ToList();
                var request = active.Select(_ => new List<double>()).ToList();
                var failures = new int[active.Count];
                Console.Error.Write($"{level} services: {rounds} connections per setup, alternating ");
                for (var chunk = 0; chunk < Chunks; chunk++)
                {
                    for (var i = 0; i < active.Count; i++)
                    {
                        var times = TcpProbe.Measure(active[i].ClientNamespace, targets[i], rounds / Chunks, chunk == 0 ? warmup : 2);
                        connect[i].AddRange(times.Connect);
                        request[i].AddRange(times.Request);
                        failures[i] += times.Failures;
                    }

                    Console.Error.Write('.');
                }

                Console.Error.WriteLine();
                for (var i = 0; i < active.Count; i++)
                {
                    if (connect[i].Count == 0)
                    {
                        throw new InvalidOperationException($"{active[i].Name}: no connection to {targets[i]} succeeded with {level} services");
                    }

                    results.Add(new Row(active[i].Key, active[i].Name, level, new Millis(connect[i]), new Millis(request[i]), failures[i]));
                }
            }
        }
        finally
        {
            foreach (var setup in active)
            {
                setup.Dispose();
            }
        }

        results = [.. results.OrderBy(r => Array.FindIndex(setups, s => s.Key == r.Key)).ThenBy(r => r.Services)];
        Print(results, levels);
        return 0;
    }

    private static void Print(List<Row> rows, int[] levels)
    {
        Console.WriteLine();
        var table = new TextTable(["setup", "services", "connect p50", "connect p99", "request p50", "request p99", "connect vs 1", "connect vs iptables", "failed"], 1, 2, 3, 4, 5, 6, 7, 8);
        foreach (var r in rows)
        {
            var first = rows.First(x => x.Key == r.Key && x.Services == levels[0]);
            var ipt = rows.FirstOrDefault(x => x.Key == "iptables" && x.Services == r.Services);
            table.Add(r.Name, r.Services.ToString(CultureInfo.InvariantCulture), Us(r.Connect.Median), Us(r.Connect.Percentile(99)), Us(r.Request.Median), Us(r.Request.Percentile(99)),
                Ratio(r.Connect.Median / first.Connect.Median), ipt is null ? "-" : Ratio(r.Connect.Median / ipt.Connect.Median), r.Failures.ToString(CultureInfo.InvariantCulture));
        }

        table.Print(Console.Out);
        var mnf = rows.Where(r => r.Key == "mizarnf").ToList();
        var flat = mnf.Count == 0 ? double.NaN : mnf[^1].Connect.Median / mnf[0].Connect.Median;
        if (mnf.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\ngoal MizarNF connect p50 with {mnf[^1].Services} services ≤ 1.1× with {mnf[0].Services}: {flat:0.00}× {(flat <= 1.1 ? "OK" : "MISSED")}"));
        }

        if (mnf.FirstOrDefault(r => r.Services == 1000) is { } m1k && rows.FirstOrDefault(r => r.Key == "iptables" && r.Services == 1000) is { } i1k)
        {
            var vs = m1k.Connect.Median / i1k.Connect.Median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal MizarNF connect p50 at 1,000 services ≤ iptables: {vs:0.00}× {(vs <= 1 ? "OK" : "MISSED")}"));
        }

        JsonLine.Print(new JsonObject
        {
            ["bench"] = "service-latency",
            ["rows"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["setup"] = r.Key,
                ["services"] = r.Services,
                ["connect_p50_us"] = Math.Round(r.Connect.Median, 1),
                ["connect_p99_us"] = Math.Round(r.Connect.Percentile(99), 1),
                ["request_p50_us"] = Math.Round(r.Request.Median, 1),
                ["request_p99_us"] = Math.Round(r.Request.Percentile(99), 1),
                ["failures"] = r.Failures,
            })]),
            ["mizarnf_connect_last_vs_first"] = double.IsNaN(flat) ? null : Math.Round(flat, 3),
        }, Console.Out);
    }

    private static string Us(double v) => string.Create(CultureInfo.InvariantCulture, $"{v:0.0} µs");

    private static string Ratio(double v) => string.Create(CultureInfo.InvariantCulture, $"{v:0.00}×");

    private sealed record Row(string Key, string Name, int Services, Millis Connect, Millis Request, int Failures);
}
