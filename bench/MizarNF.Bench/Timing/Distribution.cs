namespace MizarNF.Bench.Timing;

/// <summary>The run times of one subject, sorted, with the order statistics the reports use.</summary>
internal sealed class Distribution
{
    private readonly uint[] _sorted;

    public Distribution(IEnumerable<uint> samples)
    {
        _sorted = samples.Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }
    }

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double P10 => Percentile(10);

    public double P90 => Percentile(90);

    /// <summary>The <paramref name="p"/>th percentile, interpolated between the two nearest samples.</summary>
    public double Percentile(double p)
    {
        var rank = p / 100 * (_sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, _sorted.Length - 1);
        return _sorted[low] + ((rank - low) * (_sorted[high] - (double)_sorted[low]));
    }
}
