using System.Text.Json.Nodes;
using MizarNF.Bench.Traffic;

namespace MizarNF.Bench.Overlay;

/// <summary>What one configuration gave: throughput and RTT, or why it passed no traffic.</summary>
/// <param name="Setup">The configuration.</param>
/// <param name="Underlay">What the underlay bridge ports ran.</param>
/// <param name="PodMtu">The pods' MTU, or 0 when the setup failed before the pods existed.</param>
/// <param name="Throughput">The iperf3 test, or null when it failed.</param>
/// <param name="Rtt">The timed pings, or null when none came back.</param>
/// <param name="Failure">Why traffic did not pass (with the setup in words), or null.</param>
/// <param name="Daemons">MizarNF's attachments and drops, or null.</param>
internal sealed record OverlayMeasurement(IOverlaySetup Setup, Underlay Underlay, int PodMtu, IperfResult? Throughput, PingResult? Rtt, string? Failure, JsonObject? Daemons)
{
    /// <summary>The server pod's non-zero kernel error and drop counters after the test (nstat).</summary>
    public string? ServerKernelErrors { get; init; }

    public bool Passed => Failure is null && Throughput is not null && Rtt is not null;

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["pod_mtu"] = PodMtu };
        if (Throughput is { } t)
        {
            json["gbps"] = Math.Round(t.Gbps, 3);
            json["retransmits"] = t.Retransmits;
            json["sender_cpu_pct"] = Math.Round(t.SenderCpuPercent, 1);
            json["receiver_cpu_pct"] = Math.Round(t.ReceiverCpuPercent, 1);
        }

        if (Rtt is { } r)
        {
            json["rtt_avg_ms"] = Math.Round(r.Average, 4);
            json["rtt_p50_ms"] = Math.Round(r.P50, 4);
            json["rtt_p99_ms"] = Math.Round(r.P99, 4);
            json["rtt_mdev_ms"] = Math.Round(r.Mdev, 4);
            json["ping_loss_pct"] = Math.Round(r.LossPercent, 1);
        }

        if (ServerKernelErrors is not null)
        {
            json["server_kernel_errors"] = ServerKernelErrors;
        }

        if (Daemons is not null)
        {
            json["daemons"] = Daemons;
        }

        if (Failure is not null)
        {
            json["failure"] = Failure;
        }

        return json;
    }
}
