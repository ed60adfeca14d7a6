namespace MizarNF.Bench.Traffic;

/// <summary>
/// A namespace's kernel error and drop counters (nstat, absolute, without touching nstat's history
/// file): a segment lost to a bad checksum or a full backlog shows here and nowhere else.
/// </summary>
internal static class KernelCounters
{
    private static readonly string[] Marks = ["Err", "Drop", "Discard", "Fail", "Overflow"];

    /// <summary>"TcpInCsumErrors=11 …", or "none" when all are zero.</summary>
    public static string Errors(string netns)
    {
        var r = NamespaceCommand.Run(netns, TimeSpan.FromSeconds(10), CancellationToken.None, "nstat", "-a", "-s");
        if (r.ExitCode != 0)
        {
            return $"nstat failed: {r.Text}";
        }

        var found = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 2 && !f[0].StartsWith('#') && Marks.Any(m => f[0].Contains(m, StringComparison.Ordinal)))
            .Select(f => $"{f[0]}={f[1]}")
            .ToList();
        return found.Count == 0 ? "none" : string.Join(' ', found);
    }
}
