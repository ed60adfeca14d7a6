using System.Globalization;
using System.Text.RegularExpressions;

namespace MizarNF.Bench.Traffic;

/// <summary>Round-trip times of one ping run, in milliseconds, from ping's per-reply lines.</summary>
internal sealed partial class PingResult
{
    private readonly double[] _sorted;

    private PingResult(int sent, double[] rtts)
    {
        Sent = sent;
        _sorted = [.. rtts.Order()];
    }

    public int Sent { get; }

    public int Received => _sorted.Length;

    public double LossPercent => Sent == 0 ? 100 : 100.0 * (Sent - Received) / Sent;

    public double Average => _sorted.Average();

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    /// <summary>ping's "mdev": the standard deviation of the round-trip times.</summary>
    public double Mdev => Math.Sqrt(Math.Max(0, _sorted.Average(x => x * x) - (Average * Average)));

    /// <summary>The standard error of <see cref="Average"/>.</summary>
    public double StandardError => Mdev / Math.Sqrt(Received);

    /// <summary>Reads ping's output; null when no reply came back.</summary>
    public static PingResult? Parse(string output, int sent)
    {
        var rtts = ReplyTime().Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        return rtts.Length == 0 ? null : new PingResult(sent, rtts);
    }

    private double Percentile(double p)
    {
        var rank = p / 100 * (_sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, _sorted.Length - 1);
        return _sorted[low] + ((rank - low) * (_sorted[high] - _sorted[low]));
    }

    [GeneratedRegex(@"icmp_seq=\d+ ttl=\d+ time=([0-9.]+) ms")]
    private static partial Regex ReplyTime();
}
