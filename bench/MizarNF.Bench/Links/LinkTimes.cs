using System.Text.Json.Nodes;
using MizarNF.Bench.Timing;

namespace MizarNF.Bench.Links;

/// <summary>One subject's times per link, in microseconds: create+configure, delete, and both.</summary>
internal sealed class LinkTimes(string name)
{
    private readonly List<uint> _create = [];
    private readonly List<uint> _delete = [];
    private readonly List<uint> _total = [];

    public string Name { get; } = name;

    public Distribution Create => new(_create);

    public Distribution Delete => new(_delete);

    public Distribution Total => new(_total);

    public void Add(double createUs, double deleteUs)
    {
        _create.Add((uint)Math.Round(createUs));
        _delete.Add((uint)Math.Round(deleteUs));
        _total.Add((uint)Math.Round(createUs + deleteUs));
    }

    public string[] Row() => [Name, Ms(Create.Median), Ms(Create.Percentile(99)), Ms(Delete.Median), Ms(Delete.Percentile(99)), Ms(Total.Median), Ms(Total.Percentile(99))];

    public JsonObject ToJson() => new()
    {
        ["create_p50_ms"] = Round(Create.Median),
        ["create_p99_ms"] = Round(Create.Percentile(99)),
        ["delete_p50_ms"] = Round(Delete.Median),
        ["delete_p99_ms"] = Round(Delete.Percentile(99)),
        ["total_p50_ms"] = Round(Total.Median),
        ["total_p99_ms"] = Round(Total.Percentile(99)),
    };

    private static double Round(double us) => Math.Round(us / 1000, 3);

    private static string Ms(double us) => (us / 1000).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
