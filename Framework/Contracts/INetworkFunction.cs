using Microsoft.Extensions.DependencyInjection;

namespace MizarNF.Contracts;

/// <summary>
/// The entry point of a network function plugin. A host finds the one public, non-abstract
/// implementation in the plugin's assembly, asks it to describe itself and to register its
/// control handler and anything the handler needs.
/// </summary>
public interface INetworkFunction
{
    /// <summary>What the function adds to the data plane.</summary>
    NetworkFunctionDescriptor Descriptor { get; }

    /// <summary>Registers the function's control handler (an <see cref="IControlHandler"/>) and its dependencies.</summary>
    void ConfigureServices(IServiceCollection services);
}
