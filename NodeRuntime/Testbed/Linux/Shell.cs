using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>Runs a tool (ip, sysctl, clang, nsenter) to completion, with a time limit.</summary>
internal static class Shell
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs the command; fails with its output when it exits non-zero.</summary>
    public static string Run(params string[] command)
    {
        var result = TryRun(DefaultTimeout, command);
        return result.Succeeded
            ? result.Stdout
            : throw new InvalidOperationException($"'{string.Join(' ', command)}' exited with {result.ExitCode}: {(result.Stderr + result.Stdout).Trim()}");
    }

    /// <summary>Runs the command and returns how it ended; kills it and throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    public static CommandResult TryRun(TimeSpan timeout, params string[] command)
    {
        ArgumentOutOfRangeException.ThrowIfZero(command.Length);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.AsSpan(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{string.Join(' ', command)}' did not finish within {timeout.TotalSeconds:0.#} s and was killed.");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
