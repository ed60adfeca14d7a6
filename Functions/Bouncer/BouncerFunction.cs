using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace MizarNF.Functions.Bouncer;

/// <summary>
/// The bouncer: per subnet, an in-network hash table of endpoint → host. Forwards the first
/// packets of a flow to the right host and answers ARP with the endpoint's MAC and host.
/// </summary>
public sealed class BouncerFunction : INetworkFunction
{
    /// <summary>The function's name.</summary>
    public const string Name = "Bouncer";

    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        Name,
        new Version(1, 0),
        [new SegmentDescriptor(AttachPoint.Transit, 30, "bpf/bouncer_transit.c.scriban", "bouncer_transit")],
        [new MapDescriptor("bn_eps", 65536), new MapDescriptor("bn_subnets", 1024)],
        ["bpf/include"],
        [new DropReasonDescriptor(128, "UNKNOWN_ENDPOINT", "an address in a bounced subnet that has no endpoint")]);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IControlHandler, BouncerControlHandler>();
}
