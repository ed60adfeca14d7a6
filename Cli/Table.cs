namespace MizarNF.Cli;

/// <summary>Prints a kubectl-style table: upper-case headers, columns padded to their widest cell.</summary>
internal static class Table
{
    public static void Print(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, TextWriter? output = null)
    {
        output ??= Console.Out;
        var all = rows.Prepend(headers.Select(h => h.ToUpperInvariant()).ToList()).ToList();
        var widths = Enumerable.Range(0, headers.Count).Select(i => all.Max(r => i < r.Count ? r[i].Length : 0)).ToList();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("   ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
