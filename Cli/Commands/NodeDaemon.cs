using System.Diagnostics;
using MizarNF.Composer.Plugins;
using MizarNF.Testbed;

namespace MizarNF.Cli.Commands;

/// <summary>How the CLI starts node daemons on testbed nodes.</summary>
internal static class NodeDaemon
{
    /// <summary>The daemon's entry assembly: $MIZARNF_NODE_DAEMON, beside the CLI, or the repository's build output.</summary>
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

    /// <summary>A NodeCommand for the testbed.</summary>
    public static Func<TestbedNode, ProcessStartInfo> Command(string agentHook = "tc", string transitHook = "tc")
    {
        var daemon = Locate();
        var plugins = PluginLocator.Default();
        return node =>
        {
            var psi = new ProcessStartInfo("dotnet");
            foreach (var a in new[]
            {
                daemon, "--node", node.Name, "--underlay", node.UnderlayInterface, "--socket", node.Socket,
                "--pin-root", node.PinRoot, "--state-dir", node.StateDirectory, "--plugins", plugins,
                "--agent-hook", agentHook, "--transit-hook", transitHook,
            })
            {
                psi.ArgumentList.Add(a);
            }

            return psi;
        };
    }
}
