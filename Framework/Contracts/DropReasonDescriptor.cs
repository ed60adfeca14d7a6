namespace MizarNF.Contracts;

/// <summary>
/// A drop reason a function defines beyond the framework's own (codes 128–255 are the
/// functions' range; codes below 128 belong to the framework, see bpf-templates/include/mnf/drop_reasons.h).
/// Codes are part of the function's contract: never renumber one.
/// </summary>
public sealed record DropReasonDescriptor(byte Code, string Name, string Description);
