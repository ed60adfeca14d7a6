using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>Waits until a daemon answers SERVING on its socket; fails early when it exits.</summary>
internal static class DaemonReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Returns how long it took; throws <see cref="DaemonNotReadyException"/> on exit or timeout.</summary>
    public static async Task<TimeSpan> WaitAsync(TestbedNode node, Process daemon, TimeSpan timeout, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HealthProbe(node.Socket);
        var last = "socket not created yet";
        while (true)
        {
            if (daemon.HasExited)
            {
                throw new DaemonNotReadyException(node.Name, node.Log, LogTail.Read(node.Log), daemon.ExitCode, clock.Elapsed, last);
            }

            var remaining = timeout - clock.Elapsed;
            if (File.Exists(node.Socket) && remaining > TimeSpan.Zero)
            {
                var (serving, detail) = await probe.CheckAsync(remaining < ProbeTimeout ? remaining : ProbeTimeout, cancel).ConfigureAwait(false);
                cancel.ThrowIfCancellationRequested();
                if (serving)
                {
                    return clock.Elapsed;
                }

                last = detail;
            }

            if (clock.Elapsed >= timeout)
            {
                throw new DaemonNotReadyException(node.Name, node.Log, LogTail.Read(node.Log), null, timeout, last);
            }

            // Wakes at once when the daemon exits.
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            tick.CancelAfter(PollInterval);
            try
            {
                await daemon.WaitForExitAsync(tick.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                // The poll interval passed.
            }
        }
    }
}
