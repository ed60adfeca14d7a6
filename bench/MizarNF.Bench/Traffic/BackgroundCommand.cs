using System.Diagnostics;
using System.Text;

namespace MizarNF.Bench.Traffic;

/// <summary>A tool running in a namespace while others run (an iperf3 server); killed, by its own pid, when disposed.</summary>
internal sealed class BackgroundCommand : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BackgroundCommand(Process process)
    {
        _process = process;
    }

    public static BackgroundCommand Start(string netns, params string[] command)
    {
        var process = new Process { StartInfo = NamespaceCommand.StartInfo(netns, command) };
        var started = new BackgroundCommand(process);
        process.OutputDataReceived += (_, e) => started.Append(e.Data);
        process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>What it printed so far, stdout and stderr interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString().Trim();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            // nsenter execs the tool, so this pid is the tool's own.
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
