namespace MizarNF.Contracts;

/// <summary>Everything the composer needs to know about a network function.</summary>
/// <param name="Name">Unique function name, e.g. "Bouncer". Also names its counters.</param>
/// <param name="Version">The function's own version.</param>
/// <param name="Segments">Segments per attach point.</param>
/// <param name="Maps">Maps the function's headers declare.</param>
/// <param name="HeaderDirectories">Include directories, relative to the plugin's directory.</param>
/// <param name="DropReasons">Function-specific drop reasons (codes 128–255).</param>
public sealed record NetworkFunctionDescriptor(
    string Name,
    Version Version,
    IReadOnlyList<SegmentDescriptor> Segments,
    IReadOnlyList<MapDescriptor> Maps,
    IReadOnlyList<string> HeaderDirectories,
    IReadOnlyList<DropReasonDescriptor> DropReasons);
