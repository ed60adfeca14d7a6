using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>The command line of a MizarNF node daemon on a testbed node (for <see cref="TestbedOptions.NodeCommand"/>).</summary>
public static class NodeDaemonCommand
{
    /// <summary>The daemon's entry assembly: $MIZARNF_NODE_DAEMON, beside the caller, or the repository's build output.</summary>
    public static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("MIZARNF_NODE_DAEMON");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "mizarnf-node.dll");
        if (File.Exists(beside))
        {
            return beside;
        }

        var config = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "NodeRuntime", "Daemon", "bin", config, "net10.0", "mizarnf-node.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("mizarnf-node.dll not found: build the solution or set MIZARNF_NODE_DAEMON");
    }

    /// <summary>A NodeCommand starting the daemon with the given plugins and hooks (tc, xdp or xdp-generic).</summary>
    public static Func<TestbedNode, ProcessStartInfo> Create(string pluginsDirectory, string agentHook = "tc", string transitHook = "tc", string? daemon = null, IEnumerable<string>? extraArguments = null)
    {
        var dll = daemon ?? Locate();
        return node =>
        {
            var psi = new ProcessStartInfo("dotnet");
            foreach (var a in new[]
            {
                dll, "--node", node.Name, "--underlay", node.UnderlayInterface, "--socket", node.Socket,
                "--pin-root", node.PinRoot, "--state-dir", node.StateDirectory, "--plugins", pluginsDirectory,
                "--agent-hook", agentHook, "--transit-hook", transitHook,
            })
            {
                psi.ArgumentList.Add(a);
            }

            foreach (var a in extraArguments ?? [])
            {
                psi.ArgumentList.Add(a);
            }

            return psi;
        };
    }
}
