namespace MizarNF.Bench.Overlay;

/// <summary>How long each configuration is measured.</summary>
/// <param name="Seconds">The iperf3 test's length.</param>
/// <param name="Pings">Timed pings, <see cref="PingIntervalMs"/> apart.</param>
internal sealed record OverlaySettings(int Seconds, int Pings)
{
    public const int PingIntervalMs = 10;
}
