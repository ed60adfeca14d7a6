using System.Diagnostics;
using System.Text.Json;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>
/// iproute2, run as a process: link and address work is batched into one `ip -batch` per
/// namespace so provisioning an endpoint costs two processes, not ten.
/// </summary>
internal static class IpCommand
{
    /// <summary>Runs the commands in the daemon's namespace, or in <paramref name="netns"/> (a name or a path).</summary>
    public static void Batch(IEnumerable<string> commands, string? netns = null)
    {
        var (file, args) = netns switch
        {
            null => ("ip", new List<string> { "-batch", "-" }),
            _ when netns.StartsWith('/') => ("nsenter", new List<string> { $"--net={netns}", "--", "ip", "-batch", "-" }),
            _ => ("ip", new List<string> { "-n", netns, "-batch", "-" }),
        };
        var (exit, output) = Run(file, args, string.Join('\n', commands) + "\n");
        if (exit != 0)
        {
            throw new IpCommandException($"ip failed{(netns is null ? string.Empty : $" in {netns}")}: {output.Trim()}");
        }
    }

    /// <summary>Runs ethtool inside <paramref name="netns"/> (a name or a path; null: the daemon's).</summary>
    public static void Ethtool(string? netns, params string[] args)
    {
        var (exit, output) = netns is null ? Run("ethtool", args, null) : Run("nsenter", [$"--net={NetnsPath(netns)}", "--", "ethtool", .. args], null);
        if (exit != 0)
        {
            throw new IpCommandException($"ethtool {string.Join(' ', args)} failed in {netns}: {output.Trim()}");
        }
    }

    /// <summary>`ip -j` output parsed, or null when the command failed (e.g. no such device).</summary>
    public static JsonElement? Json(params string[] args)
    {
        var (exit, output) = Run("ip", ["-j", .. args], null);
        return exit == 0 && output.Length > 0 ? JsonDocument.Parse(output).RootElement.Clone() : null;
    }

    /// <summary>`ip -j` output inside <paramref name="netns"/> (a name or a path), or null when the command failed.</summary>
    public static JsonElement? JsonIn(string netns, params string[] args)
    {
        var (exit, output) = Run("nsenter", [$"--net={NetnsPath(netns)}", "--", "ip", "-j", .. args], null);
        return exit == 0 && output.Length > 0 ? JsonDocument.Parse(output).RootElement.Clone() : null;
    }

    private static string NetnsPath(string netns) => netns.StartsWith('/') ? netns : $"/var/run/netns/{netns}";

    private static (int Exit, string Output) Run(string file, IEnumerable<string> args, string? stdin)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardInput = stdin is not null, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new IpCommandException($"cannot start {file}");
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, p.ExitCode == 0 ? stdout.Result : stderr + stdout.Result);
    }
}
