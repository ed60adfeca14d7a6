using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace Reflector;

/// <summary>Reflects UDP packets to port 7 (echo) back out: swaps MACs, addresses and ports.</summary>
public sealed class ReflectorFunction : INetworkFunction
{
    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new(
        "Reflector",
        new Version(1, 0),
        [
            new SegmentDescriptor(AttachPoint.Transit, 30, "bpf/reflector.c.scriban", "reflector_echo"),
            new SegmentDescriptor(AttachPoint.Agent, 30, "bpf/reflector.c.scriban", "reflector_echo"),
        ],
        [],
        [],
        []);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
