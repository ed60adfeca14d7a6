using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MizarNF.Bench.Overlay;
using MizarNF.Bench.Report;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// Pod-to-pod TCP throughput and ping RTT across two testbed nodes, for MizarNF with each hook
/// choice beside the kernel's VXLAN and plain routing, all measured in the same run, each
/// configuration on a fresh testbed of its own, one after the other; on the testbed as built and
/// on the same testbed without the bridge ports' XDP program (why: <see cref="Underlay"/>).
/// </summary>
internal sealed class OverlayThroughputBenchmark : IBenchmark
{
    private static readonly string[] Hooks = ["tc", "xdp-generic", "xdp"];

    private readonly Option<int> _seconds = new("--seconds")
    {
        Description = "length of each iperf3 test",
        DefaultValueFactory = _ => 10,
    };

    private readonly Option<int> _pings = new("--pings")
    {
        Description = $"timed pings per configuration, {OverlaySettings.PingIntervalMs} ms apart",
        DefaultValueFactory = _ => 200,
    };

    private readonly Option<string> _underlay = new("--underlay")
    {
        Description = "bridge-xdp: the testbed as built; no-bridge-xdp: its bridge ports' XDP pass program detached (node eth0 keeps TSO; no native XDP); both",
        DefaultValueFactory = _ => "both",
    };

    public string Name => "overlay-throughput";

    public string Description =>
        $"pod-to-pod iperf3 Gbit/s and ping RTT, MizarNF (tc, xdp-generic, xdp) vs kernel VXLAN and plain routing; goals ≥ {HookComparison.VsVxlanGoal:0.00}× VXLAN, ≥ {HookComparison.VsRoutingGoal:0.00}× routing, RTT no worse than VXLAN";

    public Command Command()
    {
        var command = new Command(Name, Description);
        _seconds.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 3600)
            {
                r.AddError("--seconds must be 1 to 3600");
            }
        });
        _pings.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 10 or > 100000)
            {
                r.AddError("--pings must be 10 to 100000");
            }
        });
        _underlay.AcceptOnlyFromAmong("bridge-xdp", "no-bridge-xdp", "both");
        command.Options.Add(_seconds);
        command.Options.Add(_pings);
        command.Options.Add(_underlay);
        command.SetAction(r => Run(new OverlaySettings(r.GetValue(_seconds), r.GetValue(_pings)), Underlays(r.GetValue(_underlay))));
        return command;
    }

    private static Underlay[] Underlays(string? choice) => choice switch
    {
        "bridge-xdp" => [Underlay.AsBuilt],
        "no-bridge-xdp" => [Underlay.NoBridgeXdp],
        _ => [Underlay.AsBuilt, Underlay.NoBridgeXdp],
    };

    private int Run(OverlaySettings settings, Underlay[] underlays)
    {
        IOverlaySetup[] setups = [new PlainRoutingSetup(), new KernelVxlanSetup(), .. Hooks.Select(h => new MizarNFSetup(h))];
        var runs = underlays.SelectMany(u => setups.Where(u.Carries).Select(s => (Underlay: u, Setup: s))).ToList();
        Console.WriteLine(
            $"{Name}: one iperf3 TCP stream for {settings.Seconds} s and {settings.Pings} pings {OverlaySettings.PingIntervalMs} ms apart, "
            + $"pod on n1 → pod on n2; {runs.Count} configurations one after the other, each on a fresh two-node testbed");
        foreach (var u in underlays)
        {
            Console.WriteLine($"  underlay \"{u.Name}\": {u.Description}");
        }

        var load = new MachineLoad();
        var measured = new List<OverlayMeasurement>();
        using (var signal = new StopSignal())
        {
            foreach (var ((underlay, setup), index) in runs.Select((r, i) => (r, i + 1)))
            {
                if (signal.Stopped)
                {
                    Console.WriteLine($"stopped by a signal after {measured.Count} of {runs.Count} configurations; every testbed is down");
                    return 130;
                }

                Console.WriteLine($"[{index}/{runs.Count}] {setup.Name}, {underlay.Name}");
                Console.Error.WriteLine($"[{index}/{runs.Count}] {setup.Name}, {underlay.Name}: {setup.Description}");
                var m = OverlayRunner.Measure(setup, underlay, settings, signal.Token);
                Console.WriteLine(m.Passed
                    ? string.Create(CultureInfo.InvariantCulture, $"      {m.Throughput!.Gbps:0.00} Gbit/s ({m.Throughput.Retransmits} retransmits), RTT avg {m.Rtt!.Average:0.000} ms, p99 {m.Rtt.P99:0.000} ms")
                    : $"      NO TRAFFIC: {m.Failure}");
                measured.Add(m);
            }

            if (signal.Stopped)
            {
                Console.WriteLine("stopped by a signal during the last configuration; every testbed is down");
                return 130;
            }
        }

        var comparisons = underlays.SelectMany(u => Compare(measured.Where(m => m.Underlay == u).ToList())).ToList();
        Console.WriteLine();
        OverlayReport.PrintFigures(measured, Console.Out);
        Console.WriteLine();
        OverlayReport.PrintRatios(comparisons, Console.Out);
        Console.WriteLine("(receiver's Gbit/s over the whole test; RTT from every reply; ratios within one underlay; the goals are set for the default hooks (tc);");
        Console.WriteLine(" \"OK (noise)\": above VXLAN by less than twice the standard error of the difference)");
        var failed = measured.Where(m => !m.Passed).Select(m => $"{m.Underlay.Key}/{m.Setup.Key}").ToList();
        var json = new JsonObject
        {
            ["bench"] = Name,
            ["seconds"] = settings.Seconds,
            ["pings"] = settings.Pings,
            ["ping_interval_ms"] = OverlaySettings.PingIntervalMs,
            ["configs"] = ByUnderlay(underlays, u => measured.Where(m => m.Underlay == u).Select(m => (m.Setup.Key, m.ToJson()))),
            ["ratios"] = ByUnderlay(underlays, u => comparisons.Where(c => c.MizarNF.Underlay == u).Select(c => (c.Hook, c.ToJson()))),
            ["goals"] = new JsonObject
            {
                ["vs_vxlan_min"] = HookComparison.VsVxlanGoal,
                ["vs_routing_min"] = HookComparison.VsRoutingGoal,
                ["rtt_vs_vxlan_max"] = HookComparison.RttVsVxlanGoal,
            },
            ["failed"] = new JsonArray([.. failed.Select(f => (JsonNode?)f)]),
            ["others_cpu_pct"] = load.Report(Console.Out),
        };
        JsonLine.Print(json, Console.Out);
        return failed.Count == 0 ? 0 : 1;
    }

    /// <summary>Each MizarNF hook choice against the VXLAN and routing figures of the same underlay.</summary>
    private static IEnumerable<HookComparison> Compare(IReadOnlyList<OverlayMeasurement> sameUnderlay)
    {
        var byKey = sameUnderlay.ToDictionary(m => m.Setup.Key);
        return sameUnderlay.Where(m => m.Setup is MizarNFSetup).Select(m =>
            new HookComparison(((MizarNFSetup)m.Setup).Hook, m, byKey.GetValueOrDefault("vxlan"), byKey.GetValueOrDefault("routing")));
    }

    private static JsonObject ByUnderlay(IEnumerable<Underlay> underlays, Func<Underlay, IEnumerable<(string Key, JsonObject Value)>> entries) =>
        new(underlays.Select(u => KeyValuePair.Create(u.Key, (JsonNode?)new JsonObject(entries(u).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))))));
}
