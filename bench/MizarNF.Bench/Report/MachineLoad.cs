using System.Globalization;

namespace MizarNF.Bench.Report;

/// <summary>
/// How much of the machine other processes used while a benchmark ran (from /proc/stat, minus
/// this process's own time). Their work on the same CPUs and caches inflates the figures, a
/// program that touches more memory more than the bare floor, so a reader must see it.
/// </summary>
internal sealed class MachineLoad
{
    private readonly (long Busy, long Total, long Self)? _start = Sample();

    /// <summary>The share of all CPUs' time other processes used since this was made, in percent, or null without /proc.</summary>
    public double? OthersPercent()
    {
        if (_start is not { } a || Sample() is not { } b || b.Total == a.Total)
        {
            return null;
        }

        var others = (b.Busy - a.Busy) - (b.Self - a.Self);
        return Math.Round(100.0 * Math.Max(others, 0) / (b.Total - a.Total), 1);
    }

    /// <summary>Prints the share, with a warning when it was large enough to matter.</summary>
    public double? Report(TextWriter output)
    {
        var others = OthersPercent();
        var cpus = Environment.ProcessorCount;
        output.WriteLine(others > 10
            ? $"machine: other processes used {others:0.0}% of the {cpus} CPUs meanwhile: the figures may be inflated (rerun on an idle machine)"
            : $"machine: other processes used {others?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?"}% of the {cpus} CPUs meanwhile");
        return others;
    }

    /// <summary>Busy and total clock ticks of all CPUs, and those of this process and its finished children (clang).</summary>
    private static (long Busy, long Total, long Self)? Sample()
    {
        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..9].Select(long.Parse).ToArray();
            var total = cpu.Sum();
            var idle = cpu[3] + cpu[4];

            // After the command's closing parenthesis: state (3rd field), …, utime, stime, cutime, cstime (14th–17th).
            var self = File.ReadAllText("/proc/self/stat");
            var fields = self[(self.LastIndexOf(')') + 2)..].Split(' ');
            return (total - idle, total, fields[11..15].Sum(long.Parse));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
