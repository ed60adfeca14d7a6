using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Node;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Contracts;
using MizarNF.Contracts.Net;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Cli.Commands;

/// <summary>
/// <c>mizarnf pipeline</c>: loads the plugins, renders, compiles, loads (verifier) and test-runs
/// the transit and agent pipelines for every hook, and prints what happened to a few packets.
/// </summary>
internal static class PipelineCommand
{
    public static Command Create()
    {
        var plugins = new Option<string>("--plugins") { Description = "plugins directory", DefaultValueFactory = _ => PluginLocator.Default() };
        var hooks = new Option<PipelineHook[]>("--hook") { Description = "hooks to build (default: all)", AllowMultipleArgumentsPerToken = true };
        var command = new Command("pipeline", "compose, compile, load and test-run the node pipelines from the plugins directory") { plugins, hooks };
        command.SetAction(r => Run(r.GetValue(plugins)!, r.GetValue(hooks) is { Length: > 0 } h ? h : Enum.GetValues<PipelineHook>()));
        return command;
    }

    private static int Run(string pluginsDir, PipelineHook[] hooks)
    {
        Console.WriteLine($"plugins from {Path.GetFullPath(pluginsDir)}");
        IReadOnlyList<LoadedFunction> functions;
        try
        {
            functions = PluginCatalog.LoadFrom(pluginsDir);
        }
        catch (Exception e) when (e is PipelineBuildException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }

        foreach (var f in functions)
        {
            var d = f.Descriptor;
            Console.WriteLine($"  {d.Name,-16} {d.Version,-6} segments: {(d.Segments.Count == 0 ? "none" : string.Join(", ", d.Segments.Select(s => $"{s.AttachPoint.ToString().ToLowerInvariant()}@{s.Priority}")))}");
        }

        var failures = 0;
        foreach (var ap in Enum.GetValues<AttachPoint>())
        {
            foreach (var hook in hooks)
            {
                failures += BuildAndRun(ap, hook, functions) ? 0 : 1;
            }
        }

        Console.WriteLine(failures == 0 ? "all pipelines built, verified and ran" : $"{failures} pipeline(s) failed");
        return failures == 0 ? 0 : 1;
    }

    private static bool BuildAndRun(AttachPoint ap, PipelineHook hook, IReadOnlyList<LoadedFunction> functions)
    {
        var sw = Stopwatch.StartNew();
        var title = $"{ap.ToString().ToLowerInvariant()} / {hook.TemplateName()}";
        try
        {
            var rendered = new PipelineRenderer().Render(new PipelineSpec(ap, hook, functions));
            var compiled = new BpfCompiler().Compile(rendered);
            using var loaded = PipelineLoader.Load(compiled);
            Console.WriteLine();
            Console.WriteLine($"{title}: {rendered.Slots.Count} function(s) [{string.Join(" → ", rendered.Slots.Select(s => s.Name))}], " +
                $"{(compiled.FromCache ? "object from cache" : "compiled")}, verified and loaded in {sw.ElapsedMilliseconds} ms");
            Console.WriteLine($"  C: {compiled.SourcePath}");
            var harness = PipelineHarness.Wrap(loaded);
            ConfigureNode(loaded);
            foreach (var (name, frame) in SamplePackets())
            {
                PacketResult r;
                try
                {
                    r = harness.Run(frame);
                }
                catch (MizarNF.Bpf.BpfException e) when (e.Errno == 22)
                {
                    // The skb test run validates what the XDP one leaves to the program (IP header length).
                    Console.WriteLine($"  {name,-40} → refused by the kernel's {hook.TemplateName()} test run (EINVAL)");
                    continue;
                }

                var why = r.Verdict == PacketVerdict.Drop ? $" ({r.DropReasonName})" : string.Empty;
                Console.WriteLine($"  {name,-40} → {r.Verdict,-8} by {r.Function}{why}");
            }

            return true;
        }
        catch (PipelineBuildException e)
        {
            Console.Error.WriteLine($"{title}: {e.Message}");
            return false;
        }
    }

    private static readonly IPAddress Node = IPAddress.Parse("192.168.50.1");
    private static readonly IPAddress Peer = IPAddress.Parse("192.168.50.2");
    private static readonly PhysicalAddress NodeMac = PhysicalAddress.Parse("02-00-00-00-50-01");
    private static readonly PhysicalAddress PeerMac = PhysicalAddress.Parse("02-00-00-00-50-02");

    /// <summary>The node's identity and one peer, so Geneve from that peer passes the transit guard.</summary>
    private static void ConfigureNode(IMapProvider maps)
    {
        var tables = new NodeTables(maps);
        tables.SetSelf(new NodeIdentity(Node, MacAddress.Parse("02:00:00:00:50:01"), 1, MacAddress.Parse("02:00:00:00:00:01")));
        tables.UpsertPeers([(Peer, MacAddress.Parse("02:00:00:00:50:02"))]);
    }

    private static IEnumerable<(string Name, byte[] Frame)> SamplePackets()
    {
        var podA = IPAddress.Parse("10.0.0.10");
        var podB = IPAddress.Parse("10.0.0.20");
        var inner = PacketBuilder.Udp(PeerMac, NodeMac, podA, podB, 40000, 53, "hello"u8);
        yield return ("UDP to the node", PacketBuilder.Udp(PeerMac, NodeMac, Peer, Node, 40000, 53, "hello"u8));
        yield return ("ARP request on the underlay", PacketBuilder.ArpRequest(PeerMac, Peer, Node));
        yield return ("Geneve from a known node, no endpoint", PacketBuilder.GeneveEncapsulate(PeerMac, NodeMac, Peer, Node, 50000, new GeneveHeader(100), inner));
        yield return ("Geneve from an unknown node", PacketBuilder.GeneveEncapsulate(PeerMac, NodeMac, IPAddress.Parse("192.168.50.99"), Node, 50000, new GeneveHeader(100), inner));
        yield return ("truncated IPv4 (header cut at 26 bytes)", PacketBuilder.Udp(PeerMac, NodeMac, Peer, Node, 1, 2, default)[..26]);
    }
}
