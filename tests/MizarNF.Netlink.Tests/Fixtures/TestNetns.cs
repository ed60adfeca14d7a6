namespace MizarNF.Netlink.Tests.Fixtures;

/// <summary>
/// A network namespace of this test run, named mnfnl-PID-RUN-N; Dispose deletes it and with it
/// every link inside (a veth takes its peer along, wherever that is). The first one made removes
/// what runs killed before their cleanup left behind (their process is gone), and nothing else.
/// </summary>
public sealed class TestNetns : IDisposable
{
    private const string Prefix = "mnfnl-";
    private static readonly string Run = $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private static readonly Lazy<bool> Swept = new(SweepDeadRuns);
    private static int s_count;

    public TestNetns()
    {
        _ = Swept.Value;
        Name = $"{Run}-{Interlocked.Increment(ref s_count)}";
        Command.Run("ip", "netns", "add", Name);
    }

    public string Name { get; }

    public string Path => $"/var/run/netns/{Name}";

    public void Dispose() => Command.Run("ip", "netns", "delete", Name);

    private static bool SweepDeadRuns()
    {
        foreach (var line in Command.Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(name[Prefix.Length..].Split('-')[0], out var pid)
                && pid != Environment.ProcessId
                && !Directory.Exists($"/proc/{pid}"))
            {
                Command.TryRun("ip", "netns", "delete", name);
            }
        }

        return true;
    }
}
