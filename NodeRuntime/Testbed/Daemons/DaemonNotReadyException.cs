namespace MizarNF.Testbed;

/// <summary>A node's daemon exited, or did not answer SERVING in time, while the testbed waited for it.</summary>
public sealed class DaemonNotReadyException : Exception
{
    internal DaemonNotReadyException(string node, string log, string logTail, int? exitCode, TimeSpan waited, string lastProbe)
        : base(Describe(node, log, logTail, exitCode, waited, lastProbe))
    {
        Node = node;
        Log = log;
        LogTail = logTail;
        ExitCode = exitCode;
    }

    /// <summary>The node's name ("n1").</summary>
    public string Node { get; }

    /// <summary>The daemon's log file (removed with the testbed, hence <see cref="LogTail"/>).</summary>
    public string Log { get; }

    /// <summary>The last lines of the log when the wait ended.</summary>
    public string LogTail { get; }

    /// <summary>The daemon's exit code when it exited; null when it timed out.</summary>
    public int? ExitCode { get; }

    /// <summary>True when the daemon was still running at the deadline.</summary>
    public bool TimedOut => ExitCode is null;

    private static string Describe(string node, string log, string logTail, int? exitCode, TimeSpan waited, string lastProbe) =>
        (exitCode is { } code
            ? $"node {node}: daemon exited with code {code} after {waited.TotalMilliseconds:0} ms, before it was ready"
            : $"node {node}: daemon not ready within {waited.TotalSeconds:0.###} s (DaemonReadyTimeout; last health check: {lastProbe})")
        + $". Log {log}, last lines:\n{logTail}";
}
