using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>The composed C of one pipeline and what is needed to compile and account for it.</summary>
/// <param name="Spec">What was asked for.</param>
/// <param name="Source">The whole rendered C file.</param>
/// <param name="Slots">Function ids, in pipeline order.</param>
/// <param name="IncludeDirectories">The framework's and the functions' header directories.</param>
/// <param name="Maps">Every map the functions declare.</param>
/// <param name="SourceOwners">Template path (as named in #line directives) → owning function.</param>
public sealed record RenderedPipeline(
    PipelineSpec Spec,
    string Source,
    IReadOnlyList<FunctionSlot> Slots,
    IReadOnlyList<string> IncludeDirectories,
    IReadOnlyList<MapDescriptor> Maps,
    IReadOnlyDictionary<string, string> SourceOwners)
{
    /// <summary>The file name the rendered source is written under (and that #line names).</summary>
    public string OutputName => $"{Spec.ProgramName}_{Spec.Hook.TemplateName()}.c";
}
