using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace MizarNF.Functions.Divider;

/// <summary>The divider: per VPC, {VNI, subnet} → the subnet's bouncers, for traffic between subnets.</summary>
public sealed class DividerFunction : INetworkFunction
{
    /// <summary>The function's name.</summary>
    public const string Name = "Divider";

    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        Name,
        new Version(1, 0),
        [new SegmentDescriptor(AttachPoint.Transit, 40, "bpf/divider_transit.c.scriban", "divider_transit")],
        [new MapDescriptor("dv_subnets", 4096)],
        ["bpf/include"],
        []);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<IControlHandler, DividerControlHandler>();
}
