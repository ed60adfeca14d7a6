using System.Security.Cryptography;

namespace MizarNF.Testbed.Tests.Fixtures;

/// <summary>
/// A fresh prefix per test ("tbt" and 5 hex digits), and its guard: Dispose removes whatever the
/// test left under it (also when the test failed) and then fails the test if anything remains.
/// </summary>
public sealed class TestPrefix : IDisposable
{
    public TestPrefix() => Value = "tbt" + RandomNumberGenerator.GetHexString(5, lowercase: true);

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
