using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>The node daemons this process started (and, after Attach, those it knows by pid).</summary>
internal sealed class DaemonSupervisor(Func<TestbedNode, ProcessStartInfo>? command, TimeSpan readyTimeout, IProgress<string>? progress)
{
    private readonly Dictionary<string, Process> _running = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public bool HasCommand => command is not null;

    /// <summary>Starts the node's daemon; returns the node with its pid.</summary>
    public TestbedNode Start(TestbedNode node)
    {
        var build = command ?? throw new InvalidOperationException("The testbed has no NodeCommand: pass one in TestbedOptions (or to Testbed.Attach).");
        lock (_gate)
        {
            if (_running.TryGetValue(node.Name, out var old) && !old.HasExited)
            {
                throw new InvalidOperationException($"node {node.Name}: its daemon (pid {old.Id}) is running; KillDaemon first.");
            }

            // A socket left by a killed daemon would only answer "connection refused".
            File.Delete(node.Socket);
            Directory.CreateDirectory(node.StateDirectory);
            var process = DaemonLauncher.Start(node, build(node));
            _running[node.Name] = process;
            old?.Dispose();
            progress?.Report($"node {node.Name}: daemon started (pid {process.Id}), log {node.Log}");
            return node with { Pid = process.Id };
        }
    }

    /// <summary>Waits until the daemon of <paramref name="node"/> (started by <see cref="Start"/>) answers SERVING.</summary>
    public async Task WaitReadyAsync(TestbedNode node, CancellationToken cancel)
    {
        Process process;
        lock (_gate)
        {
            process = _running[node.Name];
        }

        var took = await DaemonReadiness.WaitAsync(node, process, readyTimeout, cancel).ConfigureAwait(false);
        progress?.Report($"node {node.Name}: daemon ready in {took.TotalMilliseconds:0} ms");
    }

    /// <summary>SIGKILLs the node's daemon and waits until it is gone; returns the node without pid.</summary>
    public TestbedNode Kill(TestbedNode node)
    {
        Process? process;
        lock (_gate)
        {
            _running.Remove(node.Name, out process);
        }

        if (process is not null)
        {
            using (process)
            {
                Processes.KillAndWait(process);
            }
        }
        else if (node.Pid is { } pid && Netns.Pids(node.Namespace).Contains(pid))
        {
            // Started by another process (Testbed.Attach): the pid is ours only while it lives in the node's namespace.
            Processes.KillAndWait([pid]);
        }

        if (node.Pid is { } killed)
        {
            progress?.Report($"node {node.Name}: daemon killed (pid {killed})");
        }

        return node with { Pid = null };
    }

    /// <summary>SIGKILLs every daemon this process started.</summary>
    public void KillAll()
    {
        List<Process> all;
        lock (_gate)
        {
            all = [.. _running.Values];
            _running.Clear();
        }

        var errors = new List<Exception>();
        foreach (var process in all)
        {
            try
            {
                Processes.KillAndWait(process);
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
            finally
            {
                process.Dispose();
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Could not kill every daemon.", errors);
        }
    }
}
