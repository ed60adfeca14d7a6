namespace MizarNF.Bench.Report;

/// <summary>A plain table with a header rule; the columns named in <paramref name="numeric"/> are right-aligned.</summary>
internal sealed class TextTable(string[] header, params int[] numeric)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] row) => _rows.Add(row);

    public void Print(TextWriter output)
    {
        var rows = _rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var (row, index) in rows.Select((r, i) => (r, i)))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => numeric.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]))).TrimEnd());
            if (index == 0)
            {
                output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
            }
        }
    }
}
