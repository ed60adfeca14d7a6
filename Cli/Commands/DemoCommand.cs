using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MizarNF.ControlPlane;
using MizarNF.ControlPlane.Objects;
using MizarNF.NodeApi;
using MizarNF.NodeApi.V1;
using MizarNF.Composer.Plugins;
using MizarNF.Testbed;
using Endpoint = MizarNF.ControlPlane.Objects.Endpoint;
using Node = MizarNF.ControlPlane.Objects.Node;

namespace MizarNF.Cli.Commands;

/// <summary>
/// The main job, after the talk's demo: three nodes, tenant networks made through the embedded
/// control plane, pings that must and must not get through, 40 more endpoints timed one by one,
/// and counters that show only the first packet of a flow met a bouncer. Cleans up and exits
/// non-zero if any expectation failed.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "leave the testbed up afterwards (remove it with mizarnf testbed down)" };
        var more = new Option<int>("--endpoints") { Description = "how many more endpoints to provision", DefaultValueFactory = _ => 40 };
        var c = new Command("demo", "run the three-node demo end to end") { keep, more };
        c.SetAction(async (r, ct) => await RunAsync(r.GetValue(keep), r.GetValue(more), ct));
        return c;
    }

    private static async Task<int> RunAsync(bool keep, int more, CancellationToken ct)
    {
        var demo = new Demo();
        MizarNF.Testbed.Testbed? bed = null;
        try
        {
            demo.Step("Building a 3-node testbed: network namespaces on one underlay bridge, a MizarNF node daemon on each");
            bed = await MizarNF.Testbed.Testbed.UpAsync(new TestbedOptions { Nodes = 3, NodeCommand = NodeDaemonCommand.Create(PluginLocator.Default()) }, new ConsoleProgress("    "), ct);
            var storeDir = Path.Combine(bed.RunDirectory, "control");
            using var cp = ControlPlaneCommands.Open(storeDir);
            await new DemoScript(demo, bed, cp.Reconciler).RunAsync(more, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            demo.Expect("the demo ran to its end", false, e.Message);
        }
        finally
        {
            if (bed is not null && !keep)
            {
                demo.Step($"Cleaning up testbed {bed.Prefix}");
                bed.Down();
            }
        }

        return demo.Summarize();
    }
}
