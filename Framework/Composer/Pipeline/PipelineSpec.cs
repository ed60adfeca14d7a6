using MizarNF.Composer.Plugins;
using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>What to build: which functions, for which attach point and hook.</summary>
/// <param name="AttachPoint">Transit or agent.</param>
/// <param name="Hook">XDP, frags-aware XDP, or tc.</param>
/// <param name="Functions">The enabled functions; those without a segment for the attach point are left out.</param>
/// <param name="MapSizes">Max entries per map name, overriding the descriptors' defaults (tables sized from configuration).</param>
public sealed record PipelineSpec(
    AttachPoint AttachPoint,
    PipelineHook Hook,
    IReadOnlyList<LoadedFunction> Functions,
    IReadOnlyDictionary<string, uint>? MapSizes = null)
{
    /// <summary>The program's name in the object (and in bpftool's listing).</summary>
    public string ProgramName => AttachPoint == AttachPoint.Transit ? "mnf_transit" : "mnf_agent";
}
