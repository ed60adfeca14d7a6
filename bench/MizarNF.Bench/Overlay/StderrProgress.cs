namespace MizarNF.Bench.Overlay;

/// <summary>Testbed progress on stderr, written at once (Progress&lt;T&gt; would post it to the thread pool, out of order with the rest).</summary>
internal sealed class StderrProgress : IProgress<string>
{
    public void Report(string value) => Console.Error.WriteLine($"  {value}");
}
