using System.CommandLine;
using System.Text.Json.Nodes;
using MizarNF.Bench.Report;
using MizarNF.Bench.Timing;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// What the framework costs before any function does anything: the empty pipeline (prologue,
/// default verdict, epilogue with its counters) against a program that only returns "pass".
/// </summary>
internal sealed class PipelineOverheadBenchmark : IBenchmark
{
    private const double GoalNs = 15;

    private readonly TimingOptions _timing = new();

    public string Name => "pipeline-overhead";

    public string Description => $"empty pipeline (no functions) vs a bare pass program, XDP and tc; goal ≤ {GoalNs} ns";

    public Command Command()
    {
        var command = new Command(Name, Description);
        _timing.AddTo(command);
        command.SetAction(r => Run(_timing.Read(r)));
        return command;
    }

    private int Run(TimingSettings settings)
    {
        // 60 bytes: a minimum Ethernet frame, 64 on the wire with the FCS.
        var frame = PacketBuilder.Udp(
            DataPlaneWorld.NodeMac(NodeRole.A), DataPlaneWorld.NodeMac(NodeRole.C),
            DataPlaneWorld.NodeIp(NodeRole.A), DataPlaneWorld.NodeIp(NodeRole.C), 40000, 5201, new byte[18]);
        Console.WriteLine($"{Name}: {settings.Runs} single runs each of the empty transit pipeline and of a bare pass program, interleaved; {frame.Length}-byte UDP frame");
        var load = new MachineLoad();
        using var bare = BarePrograms.Load();
        var table = new ResultTable();
        var figures = new JsonObject { ["bench"] = Name, ["runs"] = settings.Runs, ["frame_bytes"] = frame.Length };
        var wrong = 0;
        foreach (var hook in new[] { PipelineHook.Xdp, PipelineHook.Tc })
        {
            var label = HookNames.Of(hook);
            Console.Error.WriteLine($"  building the empty {label} pipeline");
            using var empty = PipelineHarness.Build(AttachPoint.Transit, hook, []);
            var verdict = empty.Run(frame).Verdict;
            if (verdict != PacketVerdict.Pass)
            {
                // The bare program passes: anything else would compare two different outcomes.
                Console.WriteLine($"  UNEXPECTED: the empty {label} pipeline's verdict is {verdict}, not Pass");
                wrong++;
            }

            var (floor, subject) = InterleavedTimer.Measure(
                new TimedRun(bare.For(hook), frame, null),
                new TimedRun(empty.Pipeline.Program, frame, null),
                settings,
                $"{label} empty pipeline");
            var c = new Comparison("empty pipeline", label, verdict.ToString(), floor, subject, GoalNs);
            table.Add(c);
            figures[label] = c.ToJson(floor: "bare", subjectKey: "pipeline_ns", aboveKey: "overhead_ns");
        }

        figures["goal_ns"] = GoalNs;
        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine("(median against median; floor = bare XDP_PASS / TC_ACT_OK program, timed in the same run)");
        figures["others_cpu_pct"] = load.Report(Console.Out);
        JsonLine.Print(figures, Console.Out);
        return wrong == 0 ? 0 : 1;
    }
}
