using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace MizarNF.Functions.Endpoint;

/// <summary>
/// The endpoint function: the agent that encapsulates what pods send (direct to the learnt host,
/// else to a bouncer) and, on transit, the guard that accepts Geneve only from known nodes,
/// delivery to local endpoints, and the fallback that sends traffic for departed endpoints on
/// to a divider.
/// </summary>
public sealed class EndpointFunction : INetworkFunction
{
    /// <summary>The function's name.</summary>
    public const string Name = "Endpoint";

    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        Name,
        new Version(1, 0),
        [
            new SegmentDescriptor(AttachPoint.Transit, 10, "bpf/ep_transit_guard.c.scriban", "ep_transit_guard"),
            new SegmentDescriptor(AttachPoint.Transit, 20, "bpf/ep_transit_deliver.c.scriban", "ep_transit_deliver"),
            new SegmentDescriptor(AttachPoint.Transit, 90, "bpf/ep_transit_fallback.c.scriban", "ep_transit_fallback"),
            new SegmentDescriptor(AttachPoint.Agent, 50, "bpf/ep_agent_egress.c.scriban", "ep_agent_egress"),
        ],
        [
            new MapDescriptor("ep_local", 4096),
            new MapDescriptor("ep_agent", 4096),
            new MapDescriptor("ep_subnet", 1024),
            new MapDescriptor("ep_vpc", 1024),
            new MapDescriptor("ep_learnt", 65536),
        ],
        ["bpf/include"],
        [
            new DropReasonDescriptor(128, "NOT_AN_ENDPOINT", "a frame from a veth that is no endpoint's"),
            new DropReasonDescriptor(129, "SPOOFED_SOURCE", "a pod sent from an address that is not its own"),
            new DropReasonDescriptor(130, "NO_SUCH_ENDPOINT", "no endpoint with that address in that VPC here, and no divider to ask"),
            new DropReasonDescriptor(131, "NO_BOUNCER", "the sender's subnet has no bouncer"),
            new DropReasonDescriptor(132, "UNSUPPORTED", "a frame the agent does not carry (not IPv4, not an ARP request)"),
        ]);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IControlHandler, EndpointControlHandler>();
}
