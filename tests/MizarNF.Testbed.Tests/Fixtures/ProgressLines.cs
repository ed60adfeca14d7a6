using System.Collections.Concurrent;

namespace MizarNF.Testbed.Tests.Fixtures;

/// <summary>Collects progress lines as they are reported (Progress&lt;T&gt; would post them later).</summary>
public sealed class ProgressLines : IProgress<string>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Report(string value) => _lines.Enqueue(value);

    public override string ToString() => string.Join('\n', _lines);
}
