using System.Diagnostics;

namespace MizarNF.Bench.Traffic;

/// <summary>
/// Runs a tool in a testbed's named network namespace, entering the network namespace only
/// (nsenter --net, as the testbed does). The testbed's own Exec stops at 60 s; an iperf3 run may
/// be longer, hence this.
/// </summary>
internal static class NamespaceCommand
{
    /// <summary>
    /// Runs the command to its end; kills it and throws <see cref="TimeoutException"/> past
    /// <paramref name="timeout"/>, or <see cref="OperationCanceledException"/> when <paramref name="stop"/> fires.
    /// </summary>
    public static CommandOutput Run(string netns, TimeSpan timeout, CancellationToken stop, params string[] command)
    {
        using var process = Process.Start(StartInfo(netns, command)) ?? throw new InvalidOperationException($"could not start {command[0]} in {netns}");
        using var kill = stop.Register(() => Kill(process));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{string.Join(' ', command)}' in {netns} did not finish within {timeout.TotalSeconds:0} s and was killed");
        }

        process.WaitForExit();
        stop.ThrowIfCancellationRequested();
        return new CommandOutput(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited.
        }
    }

    /// <summary>The start info of <paramref name="command"/> in <paramref name="netns"/>, with stdin, stdout and stderr redirected.</summary>
    public static ProcessStartInfo StartInfo(string netns, IEnumerable<string> command)
    {
        var psi = new ProcessStartInfo("nsenter")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { $"--net=/var/run/netns/{netns}", "--" }.Concat(command))
        {
            psi.ArgumentList.Add(a);
        }

        return psi;
    }
}
