namespace MizarNF.Bench.Provisioning;

/// <summary>Percentiles of a set of durations in milliseconds (nearest rank).</summary>
internal sealed class Millis(IEnumerable<double> samples)
{
    private readonly double[] _sorted = [.. samples.Order()];

    public double Median => Percentile(50);

    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN
        : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
