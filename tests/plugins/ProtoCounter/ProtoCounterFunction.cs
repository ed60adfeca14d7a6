using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace ProtoCounter;

/// <summary>Counts packets per IP protocol number on both attach points; never changes a verdict.</summary>
public sealed class ProtoCounterFunction : INetworkFunction
{
    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        "ProtoCounter",
        new Version(1, 0),
        [
            new SegmentDescriptor(AttachPoint.Transit, 10, "bpf/proto_counter.c.scriban", "proto_counter_count"),
            new SegmentDescriptor(AttachPoint.Agent, 10, "bpf/proto_counter.c.scriban", "proto_counter_count"),
        ],
        [new MapDescriptor("pc_by_proto", 256, Pinned: false)],
        ["bpf/include"],
        []);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
