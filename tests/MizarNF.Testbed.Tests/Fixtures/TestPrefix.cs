using System.Security.Cryptography;

namespace MizarNF.Testbed.Tests.Fixtures;

/// <summary>
/// A fresh prefix per test ("tbt" and 5 hex digits), and its guard: Dispose removes whatever the
/// test left under it (also when the test failed) and then fails the test if anything remains.
/// </summary>
public sealed class TestPrefix : IDisposable
{
    private const string Family = "tbt";
    private static readonly Lazy<bool> Swept = new(SweepDeadRuns);

    public TestPrefix()
    {
        _ = Swept.Value;
        Value = Family + RandomNumberGenerator.GetHexString(5, lowercase: true);
    }

    public string Value { get; }

    public static implicit operator string(TestPrefix prefix) => prefix.Value;

    public override string ToString() => Value;

    /// <summary>What exists of <paramref name="prefix"/>: namespaces, its run directory, pin roots.</summary>
    public static IReadOnlyList<string> Leftovers(string prefix)
    {
        var namespaces = Directory.Exists("/var/run/netns")
            ? Directory.EnumerateFiles("/var/run/netns").Select(Path.GetFileName).OfType<string>().Where(n => n.StartsWith(prefix + "-", StringComparison.Ordinal))
            : [];
        var pins = Directory.Exists("/sys/fs/bpf/mizarnf")
            ? Directory.EnumerateDirectories("/sys/fs/bpf/mizarnf").Where(d => Path.GetFileName(d).StartsWith(prefix + "-", StringComparison.Ordinal))
            : [];
        var run = Directory.Exists($"/run/mizarnf/{prefix}") ? [$"/run/mizarnf/{prefix}"] : Array.Empty<string>();
        return [.. namespaces, .. run, .. pins];
    }

    /// <summary>Removes the test testbeds of runs that were killed before their cleanup (their owner process is gone).</summary>
    private static bool SweepDeadRuns()
    {
        var stale = Directory.Exists("/run/mizarnf")
            ? Directory.EnumerateDirectories("/run/mizarnf").Select(Path.GetFileName).OfType<string>().Where(p => p.StartsWith(Family, StringComparison.Ordinal))
            : [];
        foreach (var prefix in stale)
        {
            try
            {
                if (!Directory.Exists($"/proc/{Testbed.Attach(prefix).OwnerPid}"))
                {
                    Testbed.DownByPrefix(prefix);
                }
            }
            catch (InvalidOperationException)
            {
                // No state file (yet): not ours to judge.
            }
        }

        return true;
    }

    public void Dispose()
    {
        Testbed.DownByPrefix(Value);
        var left = Leftovers(Value);
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"Testbed {Value} left behind: {string.Join(", ", left)}");
        }
    }
}
