using MizarNF.Contracts;

namespace MizarNF.Composer.Pipeline;

/// <summary>A function's place in a composed pipeline: its id indexes the counters.</summary>
/// <param name="Id">1-based; 0 is the framework.</param>
/// <param name="Name">The function's name.</param>
/// <param name="Version">The function's version.</param>
/// <param name="DropReasons">The function's own drop reasons.</param>
public sealed record FunctionSlot(int Id, string Name, Version Version, IReadOnlyList<DropReasonDescriptor> DropReasons);
