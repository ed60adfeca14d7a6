using System.Runtime.InteropServices;

namespace MizarNF.Bench.Overlay;

/// <summary>
/// Ctrl+C or SIGTERM stops the run cleanly: the first signal cancels <see cref="Token"/>, which kills
/// the running ping or iperf3 and makes a testbed still coming up remove itself; the main thread
/// then tears the current testbed down as after any failure and measures nothing more. Tearing down
/// from the signal handler instead would race the main thread, which may be creating namespaces of
/// that very testbed. A second signal ends the process at once.
/// </summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _stop.Token;

    public bool Stopped => _stop.IsCancellationRequested;

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{context.Signal} again: exiting now; remove what is left with `mizarnf testbed down`");
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: stopping, tearing the current testbed down");
        _stop.Cancel();
    }
}
