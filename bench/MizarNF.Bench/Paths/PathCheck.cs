using System.Net;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Paths;

/// <summary>
/// Whether one run of a path did what the path is: a timing of a packet that was dropped, or
/// encapsulated to the wrong node, would measure some other path.
/// </summary>
internal static class PathCheck
{
    /// <summary>What happened, in words, and what is wrong with it (null when nothing is).</summary>
    public static (string Outcome, string? Problem) Check(DataPlanePath path, PacketResult r)
    {
        var outcome = r.Verdict == PacketVerdict.Drop
            ? $"Drop by {r.Function}, reason {r.DropReasonName ?? r.DropReason.ToString()}"
            : $"{r.Verdict} by {r.Function}, {Output(r.Output)}";
        if (r.Verdict != path.Expected)
        {
            return (outcome, $"expected {path.Expected}");
        }

        var to = OuterDestination(r.Output);
        if (path.OuterTo is null && to is not null)
        {
            return (outcome, "expected a decapsulated frame");
        }

        return path.OuterTo is not null && !path.OuterTo.Equals(to)
            ? (outcome, $"expected Geneve to {NodeName(path.OuterTo)}")
            : (outcome, null);
    }

    private static string Output(byte[] frame) => OuterDestination(frame) is { } to
        ? $"Geneve to {NodeName(to)}"
        : $"plain {frame.Length}-byte frame";

    private static IPAddress? OuterDestination(byte[] frame)
    {
        try
        {
            return GenevePacket.Parse(frame).Outer.Destination;
        }
        catch (GeneveFormatException)
        {
            return null;
        }
    }

    private static string NodeName(IPAddress ip)
    {
        foreach (var node in Enum.GetValues<NodeRole>())
        {
            if (DataPlaneWorld.NodeIp(node).Equals(ip))
            {
                return $"{node} ({ip})";
            }
        }

        return ip.ToString();
    }
}
