using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts;

namespace MizarNF.Composer.Plugins;

/// <summary>
/// Loads network function plugins from a directory at run time. Layout: one sub-directory per
/// plugin, holding an assembly named like the directory (<c>plugins/Foo/Foo.dll</c>) plus its
/// templates and headers. Contract types are shared with the host, so a plugin built against
/// MizarNF.Contracts works with any host of the same contract major version.
/// </summary>
public static class PluginCatalog
{
    private static readonly Type[] SharedTypes =
    [
        typeof(INetworkFunction),
        typeof(IServiceCollection),
    ];

    /// <summary>Loads every plugin below <paramref name="directory"/>, ordered by name.</summary>
    public static IReadOnlyList<LoadedFunction> LoadFrom(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"plugins directory '{directory}' does not exist");
        }

        var loaded = new List<LoadedFunction>();
        foreach (var dir in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var assemblyPath = Path.Combine(dir, Path.GetFileName(dir) + ".dll");
            if (File.Exists(assemblyPath))
            {
                loaded.Add(LoadOne(assemblyPath));
            }
        }

        var duplicate = loaded.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new PipelineBuildException(BuildStage.Plugin, duplicate.Key, null, null,
                $"two plugins in '{directory}' call themselves '{duplicate.Key}'");
        }

        return loaded;
    }

    /// <summary>Loads the plugin whose entry assembly is <paramref name="assemblyPath"/>.</summary>
    public static LoadedFunction LoadOne(string assemblyPath)
    {
        var full = Path.GetFullPath(assemblyPath);
        var loader = PluginLoader.CreateFromAssemblyFile(full, SharedTypes, c => c.PreferSharedTypes = true);
        Assembly assembly;
        try
        {
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException)
        {
            throw new PipelineBuildException(BuildStage.Plugin, Path.GetFileNameWithoutExtension(full), full, null,
                $"cannot load the plugin assembly: {e.Message}", inner: e);
        }

        var entryTypes = assembly.GetExportedTypes()
            .Where(t => typeof(INetworkFunction).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .ToList();
        if (entryTypes.Count != 1)
        {
            throw new PipelineBuildException(BuildStage.Plugin, assembly.GetName().Name, full, null,
                $"a plugin assembly must export exactly one INetworkFunction implementation, found {entryTypes.Count}");
        }

        var function = (INetworkFunction)Activator.CreateInstance(entryTypes[0])!;
        var result = new LoadedFunction(function, Path.GetDirectoryName(full)!);
        DescriptorValidator.Validate(result);
        return result;
    }
}
