using System.Text.Json.Nodes;

namespace MizarNF.Bench.Overlay;

/// <summary>One MizarNF hook choice against kernel VXLAN and plain routing, measured in the same run.</summary>
internal sealed record HookComparison(string Hook, OverlayMeasurement MizarNF, OverlayMeasurement? Vxlan, OverlayMeasurement? Routing)
{
    /// <summary>MizarNF must beat the kernel's VXLAN by this much (throughput ratio).</summary>
    public const double VsVxlanGoal = 1.05;

    /// <summary>… and come within this of no overlay at all.</summary>
    public const double VsRoutingGoal = 0.95;

    /// <summary>… and have no worse an RTT than VXLAN (average against average).</summary>
    public const double RttVsVxlanGoal = 1.0;

    public double? VsVxlan => Ratio(MizarNF, Vxlan, m => m.Throughput!.Gbps);

    public double? VsRouting => Ratio(MizarNF, Routing, m => m.Throughput!.Gbps);

    public double? RttVsVxlan => Ratio(MizarNF, Vxlan, m => m.Rtt!.Average);

    public double? RttP99VsVxlan => Ratio(MizarNF, Vxlan, m => m.Rtt!.P99);

    public string VsVxlanOutcome => VsVxlan is { } r ? (r >= VsVxlanGoal ? "OK" : "MISSED") : "n/a";

    public string VsRoutingOutcome => VsRouting is { } r ? (r >= VsRoutingGoal ? "OK" : "MISSED") : "n/a";

    /// <summary>
    /// "No worse": MizarNF's average is at most VXLAN's, or above it by less than twice the standard
    /// error of the difference (200 pings cannot tell such a gap from noise), then "OK (noise)".
    /// </summary>
    public string RttOutcome
    {
        get
        {
            if (RttVsVxlan is not { } ratio)
            {
                return "n/a";
            }

            var (m, v) = (MizarNF.Rtt!, Vxlan!.Rtt!);
            var noise = 2 * Math.Sqrt((m.StandardError * m.StandardError) + (v.StandardError * v.StandardError));
            return ratio <= RttVsVxlanGoal ? "OK" : m.Average - v.Average <= noise ? "OK (noise)" : "MISSED";
        }
    }

    public JsonObject ToJson() => new()
    {
        ["vs_vxlan"] = Round(VsVxlan),
        ["vs_routing"] = Round(VsRouting),
        ["rtt_vs_vxlan"] = Round(RttVsVxlan),
        ["rtt_p99_vs_vxlan"] = Round(RttP99VsVxlan),
        ["vs_vxlan_ok"] = VsVxlan is null ? null : VsVxlanOutcome == "OK",
        ["vs_routing_ok"] = VsRouting is null ? null : VsRoutingOutcome == "OK",
        ["rtt_ok"] = RttVsVxlan is null ? null : RttOutcome != "MISSED",
    };

    private static double? Ratio(OverlayMeasurement a, OverlayMeasurement? b, Func<OverlayMeasurement, double> figure) =>
        a.Passed && b is { Passed: true } ? figure(a) / figure(b) : null;

    private static double? Round(double? r) => r is { } v ? Math.Round(v, 3) : null;
}
