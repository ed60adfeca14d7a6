using System.CommandLine;
using MizarNF.Bench.Benchmarks;

// `bench/run` lists the benchmarks; `bench/run NAME [--runs N]` runs one.
IBenchmark[] benchmarks = [new PipelineOverheadBenchmark(), new DataPlanePathsBenchmark(), new ServiceLookupBenchmark(), new ProvisioningBenchmark(), new OverlayThroughputBenchmark(), new ServiceLatencyBenchmark(), new LinkSetupBenchmark(), new CniLatencyBenchmark()];

var root = new RootCommand("MizarNF benchmarks: figures beside a baseline measured in the same run, then one JSON line");
foreach (var b in benchmarks)
{
    root.Subcommands.Add(b.Command());
}

root.SetAction(_ =>
{
    Console.WriteLine("benchmarks (bench/run NAME [--runs N] [--warmup N]):");
    var width = benchmarks.Max(b => b.Name.Length);
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name.PadRight(width)}  {b.Description}");
    }
});
return root.Parse(args).Invoke();
