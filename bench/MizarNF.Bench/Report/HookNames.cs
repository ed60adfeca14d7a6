using MizarNF.Composer.Pipeline;

namespace MizarNF.Bench.Report;

/// <summary>How reports and the JSON line name a hook: "xdp", "tc".</summary>
internal static class HookNames
{
    public static string Of(PipelineHook hook) => hook.ToString().ToLowerInvariant();
}
