using System.Net;

namespace MizarNF.Testbed.Tests.Fixtures;

/// <summary>Traffic checks over a testbed's underlay.</summary>
public static class Underlay
{
    /// <summary>One ping with a one-second wait; true when it was answered.</summary>
    public static bool Ping(Testbed testbed, string fromNamespace, IPAddress to, int size = 56) =>
        testbed.Exec(fromNamespace, "ping", "-c1", "-W1", "-s", size.ToString(System.Globalization.CultureInfo.InvariantCulture), to.ToString()).ExitCode == 0;

    public static IReadOnlyList<string> NetnsList() =>
        Directory.Exists("/var/run/netns") ? [.. Directory.EnumerateFiles("/var/run/netns").Select(Path.GetFileName).OfType<string>()] : [];
}
