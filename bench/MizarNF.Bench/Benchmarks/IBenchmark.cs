using System.CommandLine;

namespace MizarNF.Bench.Benchmarks;

/// <summary>One benchmark: `bench/run NAME`.</summary>
internal interface IBenchmark
{
    /// <summary>The name `bench/run` takes.</summary>
    string Name { get; }

    /// <summary>One line: what is timed against what.</summary>
    string Description { get; }

    /// <summary>The command that runs it, with its options.</summary>
    Command Command();
}
