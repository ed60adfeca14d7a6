using MizarNF.Composer.Plugins;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Composer.Tests.Fixtures;

/// <summary>
/// Builds the sample plugins of tests/plugins (which no host references) into a plugins directory
/// of this test run, as a third party would, and loads them as a host does.
/// </summary>
public sealed class SamplePluginsFixture : IDisposable
{
    public SamplePluginsFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("mnf-plugins-").FullName;
        foreach (var name in new[] { "ProtoCounter", "PortFilter", "Reflector" })
        {
            PluginBuilder.Build(RepoPaths.SamplePlugin(name), Directory);
        }

        All = PluginCatalog.LoadFrom(Directory);
    }

    /// <summary>The plugins directory.</summary>
    public string Directory { get; }

    /// <summary>The three sample functions, by name order.</summary>
    public IReadOnlyList<LoadedFunction> All { get; }

    public LoadedFunction this[string name] => All.First(f => f.Name == name);

    /// <summary>
    /// A copy of plugin <paramref name="name"/> in a directory of its own whose segment template is
    /// replaced by <paramref name="template"/>: a broken plugin, without rebuilding anything.
    /// </summary>
    public LoadedFunction WithTemplate(string name, string template)
    {
        var source = Path.Combine(Directory, name);
        var copy = System.IO.Directory.CreateTempSubdirectory($"mnf-broken-{name}-").FullName;
        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, name, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var loaded = PluginCatalog.LoadOne(Path.Combine(copy, name, name + ".dll"));
        File.WriteAllText(loaded.Resolve(loaded.Descriptor.Segments[0].Template), template);
        _copies.Add(copy);
        return loaded;
    }

    private readonly List<string> _copies = [];

    public void Dispose()
    {
        foreach (var d in _copies.Append(Directory))
        {
            try
            {
                System.IO.Directory.Delete(d, recursive: true);
            }
            catch (IOException)
            {
                // An assembly still mapped by a collectible context; the temp dir is harmless.
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SamplePluginsCollection : ICollectionFixture<SamplePluginsFixture>
{
    public const string Name = "sample plugins";
}
