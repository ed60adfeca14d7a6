using MizarNF.Contracts;

namespace MizarNF.Composer.Plugins;

/// <summary>A network function a host has loaded, with the directory its templates resolve against.</summary>
/// <param name="Function">The plugin's entry point.</param>
/// <param name="Directory">The plugin's directory (templates and headers are relative to it).</param>
public sealed record LoadedFunction(INetworkFunction Function, string Directory)
{
    /// <summary>The function's descriptor.</summary>
    public NetworkFunctionDescriptor Descriptor => Function.Descriptor;

    /// <summary>The function's name.</summary>
    public string Name => Function.Descriptor.Name;

    /// <summary>Resolves a path the descriptor gives relative to the plugin's directory.</summary>
    public string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));
}
