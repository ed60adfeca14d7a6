using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Contracts.Maps;
using MizarNF.TestKit.Layout;

namespace MizarNF.Bench.Paths;

/// <summary>Checks <see cref="LearntHostEntry"/> against the header of the Endpoint plugin the bench loads.</summary>
internal static class LearntLayout
{
    public static void Check()
    {
        var plugins = PluginLocator.Default();
        var header = Directory.EnumerateFiles(plugins, "endpoint_structs.h", SearchOption.AllDirectories).FirstOrDefault()
            ?? throw new FileNotFoundException($"endpoint_structs.h not found under {plugins}: build the solution first");
        LayoutGuard.Check(
            [typeof(EpKey), typeof(LearntHostEntry)],
            ["mnf/vpc.h", "endpoint_structs.h"],
            [Path.Combine(TemplateLocator.FindBpfTemplates(), "include"), Path.GetDirectoryName(header)!],
            ["#include <linux/bpf.h>", "#include <bpf/bpf_helpers.h>"]);
    }
}
