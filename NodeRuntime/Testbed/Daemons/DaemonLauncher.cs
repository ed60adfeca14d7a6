using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>
/// Starts a node's daemon from the caller's command: in the node's network namespace only (nsenter
/// --net, so the host's /sys/fs/bpf stays visible), stdin from /dev/null, stdout and stderr appended
/// to the node's log. sh and nsenter both exec, so the pid is the daemon's own.
/// </summary>
internal static class DaemonLauncher
{
    // $1 is the log, the rest the command. The log is opened by the daemon itself, not piped through
    // us: the daemon keeps logging when the process that started it goes away.
    private const string Script = "log=$1; shift; exec \"$@\" </dev/null >>\"$log\" 2>&1";

    public static Process Start(TestbedNode node, ProcessStartInfo command)
    {
        var start = Wrap(node, command);
        return Process.Start(start) ?? throw new InvalidOperationException($"node {node.Name}: could not start {command.FileName}.");
    }

    public static ProcessStartInfo Wrap(TestbedNode node, ProcessStartInfo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.FileName))
        {
            throw new ArgumentException($"node {node.Name}: the node command has no FileName.", nameof(command));
        }

        if (command.UseShellExecute || !string.IsNullOrEmpty(command.Arguments))
        {
            throw new ArgumentException($"node {node.Name}: give the node command its arguments in ArgumentList (not Arguments), without UseShellExecute.", nameof(command));
        }

        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = command.WorkingDirectory };
        string[] arguments = ["-c", Script, "mizarnf-testbed-daemon", node.Log, .. Netns.Enter(node.Namespace), command.FileName, .. command.ArgumentList];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Reading command.Environment fills it with this process's environment plus the caller's changes.
        start.Environment.Clear();
        foreach (var (key, value) in command.Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
