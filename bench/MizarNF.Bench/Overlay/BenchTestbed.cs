using System.Diagnostics;
using System.Security.Cryptography;
using MizarNF.Testbed;

namespace MizarNF.Bench.Overlay;

/// <summary>The benchmark's testbeds: two nodes on the default 1500-byte underlay, named "mnb" and 5 random hex digits.</summary>
internal static class BenchTestbed
{
    /// <summary>A fresh prefix: the "b" tells a bench testbed from a test's ("mnf…") in a listing of leftovers.</summary>
    public static string NewPrefix() => "mnb" + RandomNumberGenerator.GetHexString(5, lowercase: true);

    /// <summary>Up; a stop while the daemons come up makes it remove what it made and throw <see cref="OperationCanceledException"/>.</summary>
    public static MizarNF.Testbed.Testbed Up(string prefix, Func<TestbedNode, ProcessStartInfo>? nodeCommand, IProgress<string> progress, CancellationToken stop) =>
        MizarNF.Testbed.Testbed.UpAsync(new TestbedOptions { Prefix = prefix, Nodes = 2, XdpOnBridgePorts = true, NodeCommand = nodeCommand }, progress, stop).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="build"/> on a testbed just made; if it throws, tears the testbed down and rethrows.</summary>
    public static T Owning<T>(MizarNF.Testbed.Testbed bed, Func<T> build)
    {
        try
        {
            return build();
        }
        catch
        {
            bed.Dispose();
            throw;
        }
    }
}
