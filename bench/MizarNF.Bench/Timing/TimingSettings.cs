namespace MizarNF.Bench.Timing;

/// <summary>How many single runs to time, after how many untimed ones.</summary>
/// <param name="Runs">Timed runs of each subject and of its floor.</param>
/// <param name="Warmup">Untimed runs of each first (JIT images and maps into the cache).</param>
internal sealed record TimingSettings(int Runs, int Warmup);
