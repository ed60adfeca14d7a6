using MizarNF.Composer.Plugins;
using MizarNF.Contracts;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace MizarNF.Composer.Pipeline;

/// <summary>
/// Renders one pipeline: each function's segment template, then the framework's pipeline
/// template around them. Templates choose structure only; values live in maps.
/// </summary>
public sealed class PipelineRenderer
{
    private const string ResyncMarker = "/*@mnf:resync@*/";
    private readonly string _templatesDir;

    /// <summary>Uses the framework templates in <paramref name="templatesDir"/> (default: <see cref="TemplateLocator"/>).</summary>
    public PipelineRenderer(string? templatesDir = null)
    {
        _templatesDir = templatesDir ?? TemplateLocator.FindBpfTemplates();
    }

    /// <summary>The framework's header directory (holds mnf/*.h).</summary>
    public string IncludeDirectory => Path.Combine(_templatesDir, "include");

    /// <summary>Renders <paramref name="spec"/> to C.</summary>
    public RenderedPipeline Render(PipelineSpec spec)
    {
        var slots = new List<FunctionSlot>();
        var segments = new List<ScriptObject>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var includes = new List<string> { IncludeDirectory };
        var maps = new List<MapDescriptor>();

        var ordered = spec.Functions
            .SelectMany(f => f.Descriptor.Segments.Where(s => s.AttachPoint == spec.AttachPoint).Select(s => (f, s)))
            .OrderBy(x => x.s.Priority)
            .ThenBy(x => x.f.Name, StringComparer.Ordinal)
            .ToList();

        foreach (var (function, segment) in ordered)
        {
            var slot = slots.Find(s => s.Name == function.Name);
            if (slot is null)
            {
                slot = new FunctionSlot(slots.Count + 1, function.Name, function.Descriptor.Version, function.Descriptor.DropReasons);
                slots.Add(slot);
                includes.AddRange(function.Descriptor.HeaderDirectories.Select(function.Resolve));
                maps.AddRange(function.Descriptor.Maps);
            }

            var templatePath = function.Resolve(segment.Template);
            owners[templatePath] = function.Name;
            var body = RenderFile(templatePath, function.Name, SegmentModel(spec, slot));
            segments.Add(new ScriptObject
            {
                ["function"] = function.Name,
                ["function_id"] = slot.Id,
                ["priority"] = segment.Priority,
                ["entry"] = segment.EntryFunction,
                ["source_name"] = templatePath,
                ["body"] = body.TrimEnd(),
            });
        }

        if (slots.Count + 1 > MaxFunctions)
        {
            throw new PipelineBuildException(BuildStage.Plugin, null, null, null,
                $"{slots.Count} functions in one pipeline; the counters hold {MaxFunctions - 1}");
        }

        var rendered = new RenderedPipeline(spec, string.Empty, slots, includes.Distinct().ToList(), maps, owners);
        var model = new ScriptObject
        {
            ["attach_point"] = spec.AttachPoint.ToString().ToLowerInvariant(),
            ["hook"] = spec.Hook.TemplateName(),
            ["section"] = spec.Hook.Section(),
            ["program"] = spec.ProgramName,
            ["max_functions"] = MaxFunctions,
            ["default_verdict"] = "MNF_V_PASS",
            ["output_name"] = rendered.OutputName,
            ["functions"] = slots.Select(s => new ScriptObject { ["id"] = s.Id, ["name"] = s.Name, ["version"] = s.Version.ToString() }).ToList(),
            ["segments"] = segments,
        };
        var source = RenderFile(Path.Combine(_templatesDir, "pipeline.c.scriban"), null, model);
        return rendered with { Source = Resync(source, rendered.OutputName) };
    }

    /// <summary>Counter slots per pipeline, the framework's included (MNF_MAX_FUNCS).</summary>
    public const int MaxFunctions = 16;

    private static ScriptObject SegmentModel(PipelineSpec spec, FunctionSlot slot) => new()
    {
        ["function"] = new ScriptObject { ["name"] = slot.Name, ["id"] = slot.Id, ["version"] = slot.Version.ToString() },
        ["hook"] = spec.Hook.TemplateName(),
        ["attach_point"] = spec.AttachPoint.ToString().ToLowerInvariant(),
    };

    private static string RenderFile(string path, string? function, ScriptObject model)
    {
        var template = Template.Parse(File.ReadAllText(path), path);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            throw new PipelineBuildException(BuildStage.Template, function, path, first.Span.Start.Line + 1,
                first.Message, string.Join('\n', template.Messages));
        }

        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new PipelineBuildException(BuildStage.Template, function, path, e.Span.Start.Line + 1, e.OriginalMessage, e.Message, e);
        }
    }

    /// <summary>Replaces the resync marker with a #line directive that points back at the rendered file itself.</summary>
    private static string Resync(string source, string outputName)
    {
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == ResyncMarker)
            {
                lines[i] = $"#line {i + 2} \"{outputName}\"";
            }
        }

        return string.Join('\n', lines);
    }
}
