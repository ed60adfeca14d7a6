using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace MizarNF.Bench.Traffic;

/// <summary>One iperf3 TCP stream from a client pod to a server pod.</summary>
internal static class Iperf
{
    private const int Port = 5201;
    private static readonly TimeSpan ListenTimeout = TimeSpan.FromSeconds(10);

    public static IperfResult Measure(string clientNs, string serverNs, IPAddress server, int seconds, CancellationToken stop)
    {
        var port = Port.ToString(CultureInfo.InvariantCulture);
        using var listener = BackgroundCommand.Start(serverNs, "iperf3", "-s", "-1", "-p", port);
        WaitListening(serverNs, port, listener, stop);
        var client = NamespaceCommand.Run(
            clientNs,
            TimeSpan.FromSeconds(seconds + 30),
            stop,
            "iperf3", "-c", server.ToString(), "-p", port, "-t", seconds.ToString(CultureInfo.InvariantCulture), "-J",
            "--connect-timeout", "5000");
        try
        {
            return IperfResult.Parse(client.Stdout);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{e.Message} (exit {client.ExitCode}; server said: {listener.Output})", e);
        }
    }

    /// <summary>Until the server's socket listens: a client started earlier would be refused.</summary>
    private static void WaitListening(string netns, string port, BackgroundCommand listener, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var ss = NamespaceCommand.Run(netns, TimeSpan.FromSeconds(10), stop, "ss", "-Hltn", $"sport = :{port}");
            if (ss.ExitCode == 0 && ss.Stdout.Trim().Length > 0)
            {
                return;
            }

            if (listener.HasExited || clock.Elapsed > ListenTimeout)
            {
                throw new InvalidOperationException($"iperf3 server in {netns} is not listening on {port}: {listener.Output}");
            }

            Thread.Sleep(50);
        }
    }
}
