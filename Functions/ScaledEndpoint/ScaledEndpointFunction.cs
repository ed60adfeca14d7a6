using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace MizarNF.Functions.ScaledEndpoint;

/// <summary>
/// Services without kube-proxy (packet walk 6 in DESIGN.md, README.md here): the owner decides a
/// flow's backend with Maglev and answers the client's node with a SERVICE option; the client's
/// node caches the decision, DNATs and goes straight to the backend's node, and rewrites replies
/// back. Transit: client side before delivery (15), owner side before the bouncer (25). Agent:
/// before the Endpoint agent (40).
/// </summary>
public sealed class ScaledEndpointFunction : INetworkFunction
{
    /// <summary>The function's name.</summary>
    public const string Name = "ScaledEndpoint";

    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        Name,
        new Version(1, 0),
        [
            new SegmentDescriptor(AttachPoint.Transit, 15, "bpf/svc_transit_client.c.scriban", "svc_transit_client"),
            new SegmentDescriptor(AttachPoint.Transit, 25, "bpf/svc_transit_owner.c.scriban", "svc_transit_owner"),
            new SegmentDescriptor(AttachPoint.Agent, 40, "bpf/svc_agent.c.scriban", "svc_agent"),
        ],
        [
            new MapDescriptor("svc_svcs", 4096),
            new MapDescriptor("svc_vips", 4096),
            new MapDescriptor("svc_maglev", 131072),
            new MapDescriptor("svc_aff", 65536),
            new MapDescriptor("svc_fwd", 65536),
            new MapDescriptor("svc_rev", 65536),
            new MapDescriptor("svc_config", 1),
            new MapDescriptor("svc_stats", 1),
        ],
        ["bpf/include"],
        [
            new DropReasonDescriptor(128, "NO_SUCH_PORT", "a service address, but no service on that port and protocol"),
            new DropReasonDescriptor(129, "NO_BACKEND", "the service has no backend"),
            new DropReasonDescriptor(130, "REJECTED", "turned back by the backend's node (backend gone): the flow is forgotten and decided again"),
            new DropReasonDescriptor(131, "BAD_OPTION", "a SERVICE decision that does not match its packet"),
            new DropReasonDescriptor(132, "UNSUPPORTED", "to a service address, but not TCP/UDP or an echo request, or a fragment"),
            new DropReasonDescriptor(133, "TOO_BIG", "the first packet with the decision option would not fit the underlay MTU"),
            new DropReasonDescriptor(134, "LOOP", "a packet from this node back to itself through the owner"),
            new DropReasonDescriptor(135, "NOT_DELIVERED", "a decision for a local backend that is not here"),
            new DropReasonDescriptor(136, "STRAY_RST", "a TCP RST to a service for a flow no longer cached: a RST never starts a flow"),
        ]);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IControlHandler, ScaledEndpointControlHandler>();
}
