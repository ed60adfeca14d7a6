using System.CommandLine;
using System.Text.Json.Nodes;
using MizarNF.Bench.Paths;
using MizarNF.Bench.Report;
using MizarNF.Bench.Timing;
using MizarNF.TestKit.DataPlane;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// Nanoseconds per packet on each path of a flow through the node pipelines, each above a bare
/// program of the same type timed in the same run on the same packet and context.
/// </summary>
internal sealed class DataPlanePathsBenchmark : IBenchmark
{
    private const double GoalNs = 100;

    private readonly TimingOptions _timing = new();

    public string Name => "dataplane-paths";

    public string Description => $"ns/packet of agent encap, bouncer, divider, ARP reply and delivery paths above a bare program; goal ≤ {GoalNs} ns";

    public Command Command()
    {
        var command = new Command(Name, Description);
        _timing.AddTo(command);
        command.SetAction(r => Run(_timing.Read(r)));
        return command;
    }

    private int Run(TimingSettings settings)
    {
        var paths = PathCatalog.All();
        Console.WriteLine($"{Name}: {paths.Count} paths, {settings.Runs} single runs each beside a bare pass program, interleaved");
        var load = new MachineLoad();
        LearntLayout.Check();
        var world = new DataPlaneWorld();
        using var bare = BarePrograms.Load();
        using var harnesses = new HarnessCache(world);
        var table = new ResultTable();
        var byHook = new Dictionary<string, JsonObject>();
        var wrong = 0;
        foreach (var (path, index) in paths.Select((p, i) => (p, i + 1)))
        {
            var hook = HookNames.Of(path.Hook);
            var figures = byHook.TryGetValue(hook, out var f) ? f : byHook[hook] = [];
            var harness = harnesses.Get(path.Node, path.AttachPoint, path.Hook);
            path.Prepare?.Invoke(harness);
            var result = harness.Run(path.Frame, path.Context);
            var (outcome, problem) = PathCheck.Check(path, result);
            Console.WriteLine($"[{index}/{paths.Count}] {path.Name} ({hook}) on {path.Node}: {path.Packet} → {outcome}");
            if (problem is not null)
            {
                wrong++;
                Console.WriteLine($"      UNEXPECTED, {problem}: not timed. Frame: {Convert.ToHexString(path.Frame)}");
                table.AddUntimed(path.Name, hook, result.Verdict.ToString(), "WRONG PATH");
                figures[path.Name] = new JsonObject
                {
                    ["verdict"] = result.Verdict.ToString(),
                    ["function"] = result.Function,
                    ["drop_reason"] = result.DropReasonName,
                    ["problem"] = problem,
                };
                continue;
            }

            var (floor, subject) = InterleavedTimer.Measure(
                new TimedRun(bare.For(path.Hook), path.Frame, path.Context),
                new TimedRun(harness.Pipeline.Program, path.Frame, path.Context),
                settings,
                $"{path.Name} ({hook})");
            var c = new Comparison(path.Name, hook, result.Verdict.ToString(), floor, subject, GoalNs);
            Console.WriteLine($"      {c.Subject.Median:0.0} ns, floor {c.Floor.Median:0.0} ns: {c.AboveFloor:0.0} ns above, {c.Outcome}");
            table.Add(c);
            figures[path.Name] = c.ToJson();
        }

        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine("(median against median; floor = bare XDP_PASS / TC_ACT_OK program on the same packet and context, timed in the same run)");
        var json = new JsonObject { ["bench"] = Name, ["runs"] = settings.Runs };
        foreach (var (hook, figures) in byHook)
        {
            json[hook] = figures;
        }

        json["goal_ns"] = GoalNs;
        json["wrong_paths"] = wrong;
        json["others_cpu_pct"] = load.Report(Console.Out);
        JsonLine.Print(json, Console.Out);
        return wrong == 0 ? 0 : 1;
    }
}
