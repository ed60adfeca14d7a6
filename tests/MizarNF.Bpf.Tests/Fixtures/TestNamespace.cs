namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>
/// A network namespace of this test run holding a veth pair "a"/"b", both up. Names carry a
/// per-run prefix; Dispose deletes the namespace and with it the veths and their attachments.
/// </summary>
public sealed class TestNamespace : IDisposable
{
    private static readonly string RunPrefix = DeadRuns.NameForThisRun(Guid.NewGuid().ToString("N")[..8]);
    private static readonly Lazy<bool> Swept = new(SweepDeadRuns);
    private static int s_count;

    private TestNamespace(string name) => Name = name;

    public string Name { get; }

    public static TestNamespace CreateWithVeth()
    {
        _ = Swept.Value;
        var ns = new TestNamespace($"{RunPrefix}-{Interlocked.Increment(ref s_count)}");
        Command.Run("ip", "netns", "add", ns.Name);
        try
        {
            // "name"/"dev" spelled out: a bare "a" would be read as an abbreviation of "address".
            Command.Run("ip", "-n", ns.Name, "link", "add", "name", "a", "type", "veth", "peer", "name", "b");
            Command.Run("ip", "-n", ns.Name, "link", "set", "dev", "a", "up");
            Command.Run("ip", "-n", ns.Name, "link", "set", "dev", "b", "up");
            return ns;
        }
        catch
        {
            ns.Dispose();
            throw;
        }
    }

    public void Dispose() => Command.Run("ip", "netns", "delete", Name);

    private static bool SweepDeadRuns()
    {
        foreach (var line in Command.Run("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(' ')[0];
            if (DeadRuns.Left(name))
            {
                Command.TryRun("ip", "netns", "delete", name);
            }
        }

        return true;
    }
}
