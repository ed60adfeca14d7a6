using System.CommandLine;
using MizarNF.Composer.Plugins;
using MizarNF.Testbed;

namespace MizarNF.Cli.Commands;

/// <summary><c>mizarnf testbed up|down</c>: nodes as network namespaces on one underlay bridge, each running a node daemon.</summary>
internal static class TestbedCommand
{
    public static Command Create()
    {
        var nodes = new Option<int>("--nodes") { Description = "number of nodes", DefaultValueFactory = _ => 3 };
        var prefix = new Option<string?>("--prefix") { Description = "name prefix of everything made (default: random)" };
        var agentHook = new Option<string>("--agent-hook") { Description = "tc, xdp or xdp-generic", DefaultValueFactory = _ => "tc" };
        var transitHook = new Option<string>("--transit-hook") { Description = "tc, xdp or xdp-generic", DefaultValueFactory = _ => "tc" };
        var up = new Command("up", "build the testbed and start a node daemon on every node") { nodes, prefix, agentHook, transitHook };
        up.SetAction(r =>
        {
            var options = new TestbedOptions
            {
                Nodes = r.GetValue(nodes),
                XdpOnBridgePorts = r.GetValue(agentHook) != "tc" || r.GetValue(transitHook) != "tc",
                NodeCommand = NodeDaemonCommand.Create(PluginLocator.Default(), r.GetValue(agentHook)!, r.GetValue(transitHook)!),
            };
            if (r.GetValue(prefix) is { } p)
            {
                options = options with { Prefix = p };
            }

            var bed = MizarNF.Testbed.Testbed.Up(options, new ConsoleProgress());
            Console.WriteLine($"testbed {bed.Prefix} is up ({bed.UnderlayCidr}); remove it with: mizarnf testbed down --prefix {bed.Prefix}");
            foreach (var n in bed.Nodes)
            {
                Console.WriteLine($"  {n.Name,-4} netns {n.Namespace,-14} {n.Address,-15} {n.Mac}  api {n.Socket}  log {n.Log}");
            }

            return 0;
        });

        var downPrefix = new Option<string?>("--prefix") { Description = "the testbed to remove (default: every testbed of this machine)" };
        var down = new Command("down", "stop the daemons and remove everything a testbed made") { downPrefix };
        down.SetAction(r =>
        {
            var prefixes = r.GetValue(downPrefix) is { } one ? [one] : Directory.Exists("/run/mizarnf")
                ? Directory.GetDirectories("/run/mizarnf").Where(d => File.Exists(Path.Combine(d, "testbed.json"))).Select(Path.GetFileName).OfType<string>().ToArray()
                : [];
            foreach (var p in prefixes)
            {
                MizarNF.Testbed.Testbed.DownByPrefix(p, new ConsoleProgress());
                Console.WriteLine($"testbed {p} removed");
            }

            return 0;
        });

        return new Command("testbed", "a multi-node MizarNF on this machine, in network namespaces") { up, down };
    }
}
