using System.Diagnostics;

namespace MizarNF.Netlink.Tests.Fixtures;

/// <summary>Runs a tool (ip, ethtool) and fails with its stderr when it fails.</summary>
internal static class Command
{
    public static string Run(string file, params string[] arguments)
    {
        var (exitCode, output, error) = TryRun(file, arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' exited with {exitCode}:\n{error}{output}");
    }

    public static (int ExitCode, string Output, string Error) TryRun(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
