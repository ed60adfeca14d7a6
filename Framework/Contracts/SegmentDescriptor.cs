namespace MizarNF.Contracts;

/// <summary>
/// One XDP/tc C segment a function contributes to a pipeline. Segments run in ascending
/// <see cref="Priority"/>; ties are broken by function name so composition is deterministic.
/// </summary>
/// <param name="AttachPoint">The pipeline the segment joins.</param>
/// <param name="Priority">Lower runs first.</param>
/// <param name="Template">Scriban template path, relative to the plugin's directory.</param>
/// <param name="EntryFunction">The C function the template defines: <c>static __always_inline int f(mnf_ctx_t *ctx, struct mnf_pkt *pkt)</c>.</param>
public sealed record SegmentDescriptor(AttachPoint AttachPoint, int Priority, string Template, string EntryFunction);
