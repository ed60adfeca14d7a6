using MizarNF.Bench.Traffic;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// Measures one configuration on a testbed of its own: up, the underlay as asked, warm-up ping,
/// timed pings, one iperf3 stream, down. A configuration that passes no traffic is reported with
/// its setup, the server pod's kernel error counters and, for MizarNF, the daemons' counters; the
/// next one runs all the same.
/// </summary>
internal static class OverlayRunner
{
    /// <summary>Less than this is "no TCP traffic", not a figure (ping may pass where bulk TCP does not).</summary>
    private const double NoTrafficGbps = 0.01;

    public static OverlayMeasurement Measure(IOverlaySetup setup, Underlay underlay, OverlaySettings settings, CancellationToken stop)
    {
        var prefix = BenchTestbed.NewPrefix();
        PodPair pair;
        try
        {
            pair = setup.Up(prefix, new StderrProgress(), stop);
        }
        catch (Exception e)
        {
            var why = e is OperationCanceledException ? "stopped by a signal" : $"setup failed: {e.Message}";
            return new OverlayMeasurement(setup, underlay, 0, null, null, $"{why}\n      setup: {setup.Description}", null);
        }

        var measured = Traffic(setup, underlay, pair, settings, stop);
        try
        {
            pair.Dispose();
        }
        catch (Exception e)
        {
            var teardown = $"teardown of testbed {prefix} failed, remove it with `mizarnf testbed down --prefix {prefix}`: {e.Message}";
            measured = measured with { Failure = measured.Failure is null ? teardown : measured.Failure + "\n      " + teardown };
        }

        return measured;
    }

    private static OverlayMeasurement Traffic(IOverlaySetup setup, Underlay underlay, PodPair pair, OverlaySettings settings, CancellationToken stop)
    {
        var failed = new NoTrafficReport(setup, underlay, pair);
        try
        {
            if (!underlay.BridgeXdp)
            {
                Console.Error.WriteLine("  detaching the XDP pass program from the underlay bridge ports");
                pair.DetachBridgeXdp();
            }

            stop.ThrowIfCancellationRequested();
            Console.Error.WriteLine($"  warm-up ping {pair.ClientNamespace} → {pair.ServerIp}");
            if (!Ping.WarmUp(pair.ClientNamespace, pair.ServerIp, stop, out var output))
            {
                return failed.With($"no answer to ping {pair.ServerIp} from {pair.ClientNamespace} in 5 tries: {output}");
            }

            Console.Error.WriteLine($"  {settings.Pings} pings, {OverlaySettings.PingIntervalMs} ms apart");
            var rtt = Ping.Measure(pair.ClientNamespace, pair.ServerIp, settings.Pings, OverlaySettings.PingIntervalMs, stop);
            if (rtt is null)
            {
                return failed.With("the timed pings got no answer (the warm-up's did)");
            }

            Console.Error.WriteLine($"  iperf3, one TCP stream, {settings.Seconds} s");
            var throughput = Iperf.Measure(pair.ClientNamespace, pair.ServerNamespace, pair.ServerIp, settings.Seconds, stop);
            return throughput.Gbps < NoTrafficGbps
                ? failed.With($"ping passes but TCP carried {throughput.BitsPerSecond / 1e6:0.###} Mbit/s ({throughput.Retransmits} retransmits)") with { Throughput = throughput, Rtt = rtt }
                : new OverlayMeasurement(setup, underlay, pair.PodMtu, throughput, rtt, null, pair.Daemons?.Describe()) { ServerKernelErrors = pair.ServerKernelErrors() };
        }
        catch (OperationCanceledException)
        {
            return new OverlayMeasurement(setup, underlay, pair.PodMtu, null, null, "stopped by a signal", null);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Grpc.Core.RpcException)
        {
            return failed.With(e.Message);
        }
    }
}
