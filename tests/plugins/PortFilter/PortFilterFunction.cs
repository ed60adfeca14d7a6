using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace PortFilter;

/// <summary>Drops packets to blocked destination ports (reason 128, PORT_BLOCKED).</summary>
public sealed class PortFilterFunction : INetworkFunction
{
    /// <summary>The function's drop reason for a blocked port.</summary>
    public const byte PortBlocked = 128;

    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        "PortFilter",
        new Version(1, 0),
        [
            new SegmentDescriptor(AttachPoint.Transit, 20, "bpf/port_filter.c.scriban", "port_filter_check"),
            new SegmentDescriptor(AttachPoint.Agent, 20, "bpf/port_filter.c.scriban", "port_filter_check"),
        ],
        [new MapDescriptor("pf_blocked", 1024, Pinned: false)],
        [],
        [new DropReasonDescriptor(PortBlocked, "PORT_BLOCKED", "destination port is on the block list")]);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
