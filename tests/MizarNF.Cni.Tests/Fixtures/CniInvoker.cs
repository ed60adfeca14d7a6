using System.Diagnostics;

namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>
/// Runs a CNI plugin exactly as a runtime does: in the node's network namespace (nsenter --net),
/// with only the CNI_* variables and PATH set, the configuration on stdin, stdout and the exit code read back.
/// </summary>
public static class CniInvoker
{
    /// <summary>Runs <paramref name="plugin"/> with <paramref name="env"/> and <paramref name="stdin"/>; in <paramref name="netnsPath"/> when given.</summary>
    public static PluginRun Run(string plugin, IReadOnlyDictionary<string, string> env, string stdin, string? netnsPath = null, TimeSpan? timeout = null)
    {
        var psi = netnsPath is null ? new ProcessStartInfo(plugin) : new ProcessStartInfo("nsenter");
        if (netnsPath is not null)
        {
            psi.ArgumentList.Add($"--net={netnsPath}");
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(plugin);
        }

        psi.RedirectStandardInput = true;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{plugin} {env.GetValueOrDefault("CNI_COMMAND")} did not exit");
        }

        p.WaitForExit();
        return new PluginRun(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The variables of <paramref name="command"/> for a container.</summary>
    public static Dictionary<string, string> Env(string command, string? containerId = null, string? netns = null, string ifname = "eth0", string? args = null)
    {
        var env = new Dictionary<string, string> { ["CNI_COMMAND"] = command, ["CNI_PATH"] = "/usr/lib/cni" };
        if (containerId is not null)
        {
            env["CNI_CONTAINERID"] = containerId;
            env["CNI_IFNAME"] = ifname;
        }

        if (netns is not null)
        {
            env["CNI_NETNS"] = netns;
        }

        if (args is not null)
        {
            env["CNI_ARGS"] = args;
        }

        return env;
    }
}
