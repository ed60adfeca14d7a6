using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>
/// Where a node's pinned maps live under bpffs. Function maps are shared by every pipeline of the
/// node (the transit and agent programs read the same tables); the framework's counters belong
/// to one attach point. See bpf-templates/pinning.md.
/// </summary>
/// <param name="Root">e.g. /sys/fs/bpf/mizarnf/NODE.</param>
public sealed record PinLayout(string Root)
{
    /// <summary>The framework's own maps, one set per attach point.</summary>
    public static readonly IReadOnlySet<string> FrameworkMaps = new HashSet<string>(StringComparer.Ordinal) { "mnf_verdicts", "mnf_drops" };

    /// <summary>The framework's node tables, shared by every pipeline of the node.</summary>
    public static readonly IReadOnlyList<string> NodeMaps = ["mnf_self", NodesMap];

    /// <summary>The known-nodes table (sized from configuration).</summary>
    public const string NodesMap = "mnf_nodes";

    /// <summary>The pin path of map <paramref name="name"/> in a pipeline for <paramref name="attachPoint"/>.</summary>
    public string PathOf(string name, AttachPoint attachPoint) => FrameworkMaps.Contains(name)
        ? Path.Combine(Root, attachPoint.ToString().ToLowerInvariant(), name)
        : Path.Combine(Root, "maps", name);
}
