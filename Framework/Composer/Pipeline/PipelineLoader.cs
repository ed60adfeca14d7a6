using System.Text.RegularExpressions;
using MizarNF.Bpf;
using MizarNF.Composer.Compilation;

namespace MizarNF.Composer.Pipeline;

/// <summary>Opens a compiled pipeline, sizes and pins its maps, and loads it into the kernel.</summary>
public static partial class PipelineLoader
{
    /// <summary>
    /// Loads <paramref name="compiled"/>. With a <paramref name="pins"/> layout, maps are pinned
    /// there, and maps already pinned are reused (libbpf checks they are compatible), so a new
    /// program takes over the old one's state. A verifier rejection names the plugin and line.
    /// </summary>
    public static LoadedPipeline Load(CompiledPipeline compiled, PinLayout? pins = null)
    {
        var rendered = compiled.Rendered;
        var obj = BpfObject.Open(compiled.ObjectPath);
        try
        {
            var present = obj.Maps.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var map in rendered.Maps)
            {
                if (!present.Contains(map.Name))
                {
                    var owner = rendered.Spec.Functions.FirstOrDefault(f => f.Descriptor.Maps.Contains(map))?.Name;
                    throw new PipelineBuildException(BuildStage.Plugin, owner, null, null,
                        $"the descriptor names map '{map.Name}' but the compiled segments define no such map");
                }

                var def = obj.MapDefinition(map.Name);
                var size = rendered.Spec.MapSizes is { } sizes && sizes.TryGetValue(map.Name, out var s) ? s : map.DefaultMaxEntries;
                def.SetMaxEntries(size);
                if (pins is not null && map.Pinned)
                {
                    def.SetPinPath(pins.PathOf(map.Name, rendered.Spec.AttachPoint));
                }
            }

            if (rendered.Spec.MapSizes?.TryGetValue(PinLayout.NodesMap, out var nodes) == true)
            {
                obj.MapDefinition(PinLayout.NodesMap).SetMaxEntries(nodes);
            }

            if (pins is not null)
            {
                foreach (var name in PinLayout.FrameworkMaps.Concat(PinLayout.NodeMaps))
                {
                    obj.MapDefinition(name).SetPinPath(pins.PathOf(name, rendered.Spec.AttachPoint));
                }

                Directory.CreateDirectory(Path.Combine(pins.Root, "maps"));
                Directory.CreateDirectory(Path.Combine(pins.Root, rendered.Spec.AttachPoint.ToString().ToLowerInvariant()));
            }

            obj.Load();
            return new LoadedPipeline(compiled, obj, obj.Program(rendered.Spec.ProgramName));
        }
        catch (BpfException e)
        {
            obj.Dispose();
            throw Diagnose(rendered, compiled, e);
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The verifier log names source lines through BTF line info ("; text @ file:line"); the last
    /// one before the rejection is where the program went wrong.
    /// </summary>
    private static PipelineBuildException Diagnose(RenderedPipeline rendered, CompiledPipeline compiled, BpfException e)
    {
        var log = e.VerifierLog ?? string.Empty;
        var last = LineInfoRegex().Matches(log).LastOrDefault();
        var reason = LastMeaningfulLine(log) ?? e.Message;
        if (last is null)
        {
            return new PipelineBuildException(BuildStage.Load, null, compiled.SourcePath, null, reason, log.Length > 0 ? log : e.Message, e);
        }

        var file = last.Groups["file"].Value;
        var line = int.Parse(last.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var owner = BpfCompiler.OwnerOf(rendered, file);
        return new PipelineBuildException(BuildStage.Load, owner, file, line, reason, log, e);
    }

    private static string? LastMeaningfulLine(string log) => log
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .LastOrDefault(l => !l.StartsWith(';') && !l.StartsWith("processed ", StringComparison.Ordinal) && !l.StartsWith("--", StringComparison.Ordinal)
            && !char.IsDigit(l[0]));

    [GeneratedRegex(@"@ (?<file>[^\s:]+):(?<line>\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex LineInfoRegex();
}
