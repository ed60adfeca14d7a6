using System.CommandLine;
using System.Net;
using System.Text.Json.Nodes;
using MizarNF.Bench.Paths;
using MizarNF.Bench.Report;
using MizarNF.Bench.Timing;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Maps;
using MizarNF.Contracts.Net;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// Nanoseconds per packet of the ScaledEndpoint paths (packet walk 6) in BPF_PROG_TEST_RUN, each
/// beside a bare XDP_PASS (or TC_ACT_OK) program timed in the same run on the same packet: the
/// owner's decision, the client applying it, the warm agent path (lookup, DNAT, encap) and the
/// reverse NAT before delivery; with the same node's non-service paths as a reference.
/// </summary>
internal sealed class ServiceLookupBenchmark : IBenchmark
{
    /// <summary>Above the floor, for a whole pipeline pass (the Endpoint work included; see the no-service rows).</summary>
    private const double GoalNs = 250;
    private static readonly WorldEndpoint A1 = DataPlaneWorld.Endpoint("a1");
    private static readonly WorldEndpoint C1 = DataPlaneWorld.Endpoint("c1");
    private static readonly IPAddress Vip = IPAddress.Parse("10.96.0.10");

    /// <summary>One service, one backend (c1:8080 on C), so every path's packets are known in advance.</summary>
    private static readonly string Services = ControlJson.Write(new[]
    {
        new { vni = DataPlaneWorld.Vpc1, ip = Vip.ToString(), port = 80, protocol = "tcp", backends = new[] { new { ip = C1.Ip.ToString(), port = 8080, host = DataPlaneWorld.NodeIp(NodeRole.C).ToString() } } },
    });

    private readonly TimingOptions _timing = new();

    public string Name => "service-lookup";

    public string Description => $"ns/packet of the service paths (owner decision, client DNAT, warm agent lookup+DNAT, reverse NAT) above a bare program; goal ≤ {GoalNs} ns";

    public Command Command()
    {
        var command = new Command(Name, Description);
        _timing.AddTo(command);
        command.SetAction(r => Run(_timing.Read(r)));
        return command;
    }

    private int Run(TimingSettings settings)
    {
        var world = new DataPlaneWorld();
        using var harnesses = new HarnessCache(world);
        var paths = Paths(world, harnesses);
        Console.WriteLine($"{Name}: {paths.Count} paths, {settings.Runs} single runs each beside a bare pass program, interleaved");
        var load = new MachineLoad();
        using var bare = BarePrograms.Load();
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
                Console.WriteLine($"      UNEXPECTED, {problem}: not timed.");
                table.AddUntimed(path.Name, hook, result.Verdict.ToString(), "WRONG PATH");
                figures[path.Name] = new JsonObject { ["verdict"] = result.Verdict.ToString(), ["function"] = result.Function, ["drop_reason"] = result.DropReasonName, ["problem"] = problem };
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
        Console.WriteLine("(median against median; floor = bare XDP_PASS / TC_ACT_OK program on the same packet and context, timed in the same run;");
        Console.WriteLine(" *-no-service rows are the same node's paths for a flow that is no service's, for reference)");
        // What a service costs a warm packet: the service path minus the same node's path for a plain flow.
        var cost = new JsonObject();
        foreach (var (hook, figures) in byHook)
        {
            foreach (var (service, plain) in new[] { ("agent-warm-dnat", "agent-no-service"), ("transit-reverse-nat", "transit-no-service") })
            {
                if (figures[service]?["median_ns"] is { } a && figures[plain]?["median_ns"] is { } b)
                {
                    var extra = Math.Round(a.GetValue<double>() - b.GetValue<double>(), 1);
                    Console.WriteLine($"service cost, {service} over {plain} ({hook}): {extra:+0.0;-0.0} ns");
                    cost[$"{service}_{hook}"] = extra;
                }
            }
        }

        var json = new JsonObject { ["bench"] = Name, ["runs"] = settings.Runs, ["service_cost_ns"] = cost };
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

    private static List<DataPlanePath> Paths(DataPlaneWorld world, HarnessCache harnesses)
    {
        var syn = Tcp(A1, Vip, 40000, 80, TcpFlags.Syn);
        var toOwner = Geneve(NodeRole.A, NodeRole.B, syn);
        var owner = harnesses.Get(NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp);
        Program(world, owner);
        var decision = owner.Run(toOwner).Output;
        var reply = Geneve(NodeRole.C, NodeRole.A, Tcp(C1, A1.Ip, 8080, 40000, TcpFlags.Ack));
        var paths = new List<DataPlanePath>
        {
            new("owner-decision", "Geneve A→B, a1 → VIP:80 SYN", NodeRole.B, AttachPoint.Transit, PipelineHook.Xdp,
                toOwner, PacketVerdict.Tx, DataPlaneWorld.NodeIp(NodeRole.A)),
            new("client-decision", "Geneve B→A with the decision (cache, DNAT, on to C)", NodeRole.A, AttachPoint.Transit, PipelineHook.Xdp,
                decision, PacketVerdict.Tx, DataPlaneWorld.NodeIp(NodeRole.C)),
        };
        foreach (var hook in new[] { PipelineHook.Xdp, PipelineHook.Tc })
        {
            paths.Add(new("agent-warm-dnat", "a1 → VIP:80 ACK, decided: lookup, DNAT, encap to C", NodeRole.A, AttachPoint.Agent, hook,
                Tcp(A1, Vip, 40000, 80, TcpFlags.Ack), PacketVerdict.Redirect, DataPlaneWorld.NodeIp(NodeRole.C), A1.Ifindex,
                h => Learn(world, h, syn, hook)));
            paths.Add(new("agent-no-service", "a1 → c1 UDP, c1 learnt on C (no service)", NodeRole.A, AttachPoint.Agent, hook,
                PacketBuilder.Udp(A1.Mac, DataPlaneWorld.GatewayMac, A1.Ip, C1.Ip, 40000, 5201, new byte[18]), PacketVerdict.Redirect, DataPlaneWorld.NodeIp(NodeRole.C), A1.Ifindex,
                h => h.Map<EpKey, LearntHostEntry>("ep_learnt").Update(new EpKey(DataPlaneWorld.Vpc1, C1.Ip), new LearntHostEntry { Host = Ipv4Prefix.ToNetworkOrder(DataPlaneWorld.NodeIp(NodeRole.C)) })));
            paths.Add(new("transit-reverse-nat", "Geneve C→A, c1:8080 → a1 ACK: reverse NAT, deliver", NodeRole.A, AttachPoint.Transit, hook,
                reply, PacketVerdict.Redirect, OuterTo: null, Prepare: h => h.Run(decision)));
            paths.Add(new("transit-no-service", "Geneve C→A, c1 → a1 UDP: deliver (no service)", NodeRole.A, AttachPoint.Transit, hook,
                Geneve(NodeRole.C, NodeRole.A, PacketBuilder.Udp(C1.Mac, DataPlaneWorld.GatewayMac, C1.Ip, A1.Ip, 5201, 40000, new byte[18])), PacketVerdict.Redirect, OuterTo: null));
        }

        return paths;
    }

    /// <summary>Makes A own the service too and sends the SYN: the agent decides it locally and caches the flow.</summary>
    private static void Learn(DataPlaneWorld world, PipelineHarness agent, byte[] syn, PipelineHook hook)
    {
        Program(world, agent);
        agent.Run(syn, IngressContext.For(hook, A1.Ifindex, syn.Length));
    }

    private static void Program(DataPlaneWorld world, PipelineHarness h) =>
        world.Handlers(h.Pipeline)["ScaledEndpoint"].Apply(new ControlRequest(ControlOperation.Upsert, "service", Services));

    private static byte[] Tcp(WorldEndpoint from, IPAddress to, ushort sport, ushort dport, TcpFlags flags) =>
        PacketBuilder.Tcp(from.Mac, DataPlaneWorld.GatewayMac, from.Ip, to, sport, dport, flags, new byte[6], sequence: 1, acknowledgment: 1);

    private static byte[] Geneve(NodeRole from, NodeRole to, byte[] inner) =>
        PacketBuilder.GeneveEncapsulate(
            DataPlaneWorld.NodeMac(from), DataPlaneWorld.NodeMac(to), DataPlaneWorld.NodeIp(from), DataPlaneWorld.NodeIp(to),
            0xC123, new GeneveHeader(DataPlaneWorld.Vpc1), inner);
}
