using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Bench.Paths;

/// <summary>One way a packet goes through one node's pipeline, checked and then timed.</summary>
/// <param name="Name">The path's name in the table and the JSON line.</param>
/// <param name="Packet">The packet in words, for the report.</param>
/// <param name="Node">The node whose pipeline runs it.</param>
/// <param name="AttachPoint">Which of the node's pipelines.</param>
/// <param name="Hook">XDP or tc.</param>
/// <param name="Frame">The frame.</param>
/// <param name="Expected">The verdict the path ends in.</param>
/// <param name="OuterTo">The node the output must be Geneve to; null when it must be a plain (decapsulated) frame.</param>
/// <param name="IngressIfindex">The interface it comes in on (the agent's endpoint), or null for the kernel's default.</param>
/// <param name="Prepare">Map entries the path needs beyond what the control plane programs (e.g. a learnt host).</param>
internal sealed record DataPlanePath(
    string Name,
    string Packet,
    NodeRole Node,
    AttachPoint AttachPoint,
    PipelineHook Hook,
    byte[] Frame,
    PacketVerdict Expected,
    IPAddress? OuterTo,
    int? IngressIfindex = null,
    Action<PipelineHarness>? Prepare = null)
{
    /// <summary>The program context of every run of this path, the floor's included.</summary>
    public byte[]? Context { get; } = IngressIfindex is { } i ? IngressContext.For(Hook, i, Frame.Length) : null;
}
