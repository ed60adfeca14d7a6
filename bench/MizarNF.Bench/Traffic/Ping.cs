using System.Globalization;
using System.Net;

namespace MizarNF.Bench.Traffic;

/// <summary>ICMP echo from a client pod: a warm-up that proves the path, then the timed run.</summary>
internal static class Ping
{
    private const int WarmUpAttempts = 5;

    /// <summary>Pings until three in a row are answered (ARP, learning, the bouncer's first hop); false after 5 tries.</summary>
    public static bool WarmUp(string netns, IPAddress to, CancellationToken stop, out string lastOutput)
    {
        lastOutput = string.Empty;
        for (var attempt = 0; attempt < WarmUpAttempts; attempt++)
        {
            var r = NamespaceCommand.Run(netns, TimeSpan.FromSeconds(30), stop, "ping", "-c", "3", "-i", "0.05", "-W", "1", to.ToString());
            lastOutput = r.Text;
            if (r.ExitCode == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="count"/> pings at <paramref name="intervalMs"/> apart (below 200 ms ping needs root, which we are).</summary>
    public static PingResult? Measure(string netns, IPAddress to, int count, int intervalMs, CancellationToken stop)
    {
        var interval = (intervalMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var r = NamespaceCommand.Run(
            netns,
            TimeSpan.FromSeconds(30 + (count * intervalMs / 1000.0)),
            stop,
            "ping", "-c", count.ToString(CultureInfo.InvariantCulture), "-i", interval, "-W", "1", to.ToString());
        return PingResult.Parse(r.Stdout, count);
    }
}
