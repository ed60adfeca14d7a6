using System.Diagnostics;

namespace MizarNF.Testbed;

/// <summary>SIGKILL and waiting for processes that may or may not be our children.</summary>
internal static class Processes
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);

    /// <summary>SIGKILLs every pid, then waits until each is gone (or a zombie: dead, only not yet reaped).</summary>
    public static void KillAndWait(IEnumerable<int> pids)
    {
        var targets = pids.Distinct().Where(p => p != Environment.ProcessId).ToList();
        foreach (var pid in targets)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }

        var deadline = Stopwatch.StartNew();
        foreach (var pid in targets)
        {
            while (IsAlive(pid))
            {
                if (deadline.Elapsed > ExitTimeout)
                {
                    throw new TimeoutException($"Process {pid} is still alive {ExitTimeout.TotalSeconds:0} s after SIGKILL.");
                }

                Thread.Sleep(10);
            }
        }
    }

    /// <summary>SIGKILLs a process this one started and reaps it.</summary>
    public static void KillAndWait(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        if (!process.WaitForExit(ExitTimeout))
        {
            throw new TimeoutException($"Process {process.Id} is still alive {ExitTimeout.TotalSeconds:0} s after SIGKILL.");
        }
    }

    /// <summary>True while /proc/PID exists and is not a zombie.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The state follows the command name, which is in parentheses and may itself hold ')'.
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart();
            return state.Length > 0 && state[0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
