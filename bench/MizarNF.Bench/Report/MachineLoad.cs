using System.Globalization;

namespace MizarNF.Bench.Report;

/// <summary>
/// How busy the machine was when a benchmark started. Other work on the same CPUs inflates the
/// figures (the floor less than a program that touches more memory), so a reader must see it.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1-minute load average, or null where /proc/loadavg cannot be read.</summary>
    public static double? LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Prints the load, with a warning when others were using the machine.</summary>
    public static double? Report(TextWriter output)
    {
        var load = LoadAverage();
        var cpus = Environment.ProcessorCount;
        output.WriteLine(load > 0.5
            ? $"machine: {cpus} CPUs, load average {load:0.00} before this run: other work is running and inflates the figures; rerun on an idle machine"
            : $"machine: {cpus} CPUs, load average {load?.ToString("0.00", CultureInfo.InvariantCulture) ?? "unknown"}");
        return load;
    }
}
