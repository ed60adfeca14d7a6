using System.Text.Json.Nodes;

namespace MizarNF.Bench.Overlay;

/// <summary>A measurement that passed no traffic, with everything that may tell why.</summary>
internal sealed class NoTrafficReport(IOverlaySetup setup, Underlay underlay, PodPair pair)
{
    public OverlayMeasurement With(string why)
    {
        var text = $"{why}\n      setup: {setup.Description}; underlay: {underlay.Description}";
        text += $"\n      server pod kernel errors: {SafeKernelErrors()}";
        JsonObject? daemons = null;
        if (pair.Daemons is { } d)
        {
            try
            {
                text += "\n      counters:\n        " + d.Counters().Replace("\n", "\n        ", StringComparison.Ordinal);
                daemons = d.Describe();
            }
            catch (Grpc.Core.RpcException e)
            {
                text += $"\n      counters unavailable: {e.Status.Detail}";
            }
        }

        return new OverlayMeasurement(setup, underlay, pair.PodMtu, null, null, text, daemons);
    }

    private string SafeKernelErrors()
    {
        try
        {
            return pair.ServerKernelErrors();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            return $"unavailable ({e.Message})";
        }
    }
}
