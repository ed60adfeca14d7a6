using System.Globalization;

namespace MizarNF.Bench.Report;

/// <summary>The readable table a benchmark prints before its JSON line.</summary>
internal sealed class ResultTable
{
    private static readonly string[] Header = ["name", "hook", "verdict", "median ns", "p10–p90 ns", "floor ns", "above floor", "goal", "result"];
    private readonly List<string[]> _rows = [];

    public void Add(Comparison c) => _rows.Add(
    [
        c.Name, c.Hook, c.Verdict, Ns(c.Subject.Median), $"{Ns(c.Subject.P10)}–{Ns(c.Subject.P90)}",
        Ns(c.Floor.Median), Ns(c.AboveFloor), $"≤ {Ns(c.GoalNs)}", c.Outcome,
    ]);

    /// <summary>A subject that was not timed because it did not do what it should.</summary>
    public void AddUntimed(string name, string hook, string verdict, string why) =>
        _rows.Add([name, hook, verdict, "-", "-", "-", "-", "-", why]);

    public void Print(TextWriter output)
    {
        var rows = _rows.Prepend(Header).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var numeric = Enumerable.Range(0, Header.Length).Select(i => i is >= 3 and <= 7).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => numeric[i] ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
            if (index == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }

    private static string Ns(double ns) => ns.ToString("0.0", CultureInfo.InvariantCulture);
}
