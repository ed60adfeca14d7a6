namespace MizarNF.Composer.Pipeline;

/// <summary>Names a hook the way templates and ELF sections do.</summary>
public static class PipelineHookExtensions
{
    /// <summary>The value templates see as <c>hook</c>.</summary>
    public static string TemplateName(this PipelineHook hook) => hook switch
    {
        PipelineHook.Xdp => "xdp",
        PipelineHook.XdpFrags => "xdp_frags",
        PipelineHook.Tc => "tc",
        _ => throw new ArgumentOutOfRangeException(nameof(hook), hook, null),
    };

    /// <summary>The ELF section libbpf derives the program type (and frags flag) from.</summary>
    public static string Section(this PipelineHook hook) => hook switch
    {
        PipelineHook.Xdp => "xdp",
        PipelineHook.XdpFrags => "xdp.frags",
        PipelineHook.Tc => "tc",
        _ => throw new ArgumentOutOfRangeException(nameof(hook), hook, null),
    };

    /// <summary>True for the two XDP flavours.</summary>
    public static bool IsXdp(this PipelineHook hook) => hook != PipelineHook.Tc;
}
