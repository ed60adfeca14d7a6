using Microsoft.Extensions.DependencyInjection;
using MizarNF.Contracts;

namespace MizarNF.Functions.ScaledEndpoint;

/// <summary>
/// Services without kube-proxy (packet walk 6 in DESIGN.md). A shell so far: it has no segment
/// yet and contributes nothing to a pipeline; the ScaledEndpoint issue fills it.
/// </summary>
public sealed class ScaledEndpointFunction : INetworkFunction
{
    /// <inheritdoc/>
    public NetworkFunctionDescriptor Descriptor { get; } = new("ScaledEndpoint", new Version(0, 1), [], [], [], []);

    /// <inheritdoc/>
    public void ConfigureServices(IServiceCollection services)
    {
    }
}
