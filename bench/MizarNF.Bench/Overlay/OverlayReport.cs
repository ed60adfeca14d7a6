using System.Globalization;
using MizarNF.Bench.Report;

namespace MizarNF.Bench.Overlay;

/// <summary>The two tables of overlay-throughput: the figures of every configuration, then MizarNF's ratios per hook.</summary>
internal static class OverlayReport
{
    public static void PrintFigures(IEnumerable<OverlayMeasurement> measured, TextWriter output)
    {
        var table = new TextTable(["underlay", "configuration", "pod MTU", "Gbit/s", "retransmits", "RTT avg ms", "p50 ms", "p99 ms", "mdev ms", "ping loss"], 2, 3, 4, 5, 6, 7, 8, 9);
        foreach (var m in measured)
        {
            var (t, r) = (m.Throughput, m.Rtt);
            table.Add(
                m.Underlay.Name,
                m.Setup.Name + (m.Passed ? string.Empty : "  (NO TRAFFIC)"),
                m.PodMtu == 0 ? "-" : m.PodMtu.ToString(CultureInfo.InvariantCulture),
                t is null ? "-" : F(t.Gbps, "0.00"),
                t is null ? "-" : t.Retransmits.ToString(CultureInfo.InvariantCulture),
                r is null ? "-" : F(r.Average, "0.000"),
                r is null ? "-" : F(r.P50, "0.000"),
                r is null ? "-" : F(r.P99, "0.000"),
                r is null ? "-" : F(r.Mdev, "0.000"),
                r is null ? "-" : F(r.LossPercent, "0.#") + "%");
        }

        table.Print(output);
    }

    public static void PrintRatios(IEnumerable<HookComparison> comparisons, TextWriter output)
    {
        var table = new TextTable(
            ["underlay", "MizarNF hooks", "÷ VXLAN Gbit/s", $"goal ≥ {HookComparison.VsVxlanGoal:0.00}", "÷ routing Gbit/s", $"goal ≥ {HookComparison.VsRoutingGoal:0.00}", "RTT avg ÷ VXLAN", $"goal ≤ {HookComparison.RttVsVxlanGoal:0.00}", "RTT p99 ÷ VXLAN"],
            2, 4, 6, 8);
        foreach (var c in comparisons)
        {
            table.Add(c.MizarNF.Underlay.Name, c.Hook, R(c.VsVxlan), c.VsVxlanOutcome, R(c.VsRouting), c.VsRoutingOutcome, R(c.RttVsVxlan), c.RttOutcome, R(c.RttP99VsVxlan));
        }

        table.Print(output);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string R(double? ratio) => ratio is { } r ? F(r, "0.000") : "-";
}
