using System.Diagnostics;

namespace MizarNF.Bench.Cni;

/// <summary>One CNI plugin run as a runtime runs it (CNI_* variables, config on stdin), timed from start to exit.</summary>
internal static class PluginProcess
{
    /// <summary>Runs the plugin; its wall time in ms, or an exception with its output when it failed.</summary>
    public static double Run(string plugin, IReadOnlyDictionary<string, string> env, string stdin)
    {
        var psi = new ProcessStartInfo(plugin) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var ms = sw.Elapsed.TotalMilliseconds;
        return p.ExitCode == 0 ? ms : throw new InvalidOperationException($"{Path.GetFileName(plugin)} {env["CNI_COMMAND"]} failed ({p.ExitCode}): {stdout.Result}{stderr}");
    }

    /// <summary>The variables of a command for one container.</summary>
    public static Dictionary<string, string> Env(string command, string containerId, string netns, string? args = null)
    {
        var env = new Dictionary<string, string>
        {
            ["CNI_COMMAND"] = command,
            ["CNI_CONTAINERID"] = containerId,
            ["CNI_NETNS"] = netns,
            ["CNI_IFNAME"] = "eth0",
            ["CNI_PATH"] = "/usr/lib/cni",
        };
        if (args is not null)
        {
            env["CNI_ARGS"] = args;
        }

        return env;
    }
}
