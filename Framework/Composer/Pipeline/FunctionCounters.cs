namespace MizarNF.Composer.Pipeline;

/// <summary>One function's verdicts and drops by reason.</summary>
/// <param name="Id">The function's id in the pipeline (0: framework).</param>
/// <param name="Name">The function's name.</param>
/// <param name="Verdicts">Verdicts the function returned.</param>
/// <param name="DropsByReason">Drops per reason code (only non-zero ones).</param>
/// <param name="FunctionReasonNames">Names of the function's own reason codes.</param>
public sealed record FunctionCounters(
    int Id,
    string Name,
    VerdictStats Verdicts,
    IReadOnlyDictionary<byte, ulong> DropsByReason,
    IReadOnlyDictionary<byte, string> FunctionReasonNames)
{
    /// <summary>The name the framework's own slot goes by.</summary>
    public const string Framework = "framework";

    /// <summary>Drops of one reason code.</summary>
    public ulong DropsOf(byte reason) => DropsByReason.TryGetValue(reason, out var n) ? n : 0;

    /// <summary>Drops of one framework reason.</summary>
    public ulong DropsOf(DropReason reason) => DropsOf((byte)reason);

    /// <summary>A reason's name: the function's own, else the framework's.</summary>
    public string ReasonName(byte code) => FunctionReasonNames.TryGetValue(code, out var n) ? n
        : Enum.IsDefined((DropReason)code) ? ((DropReason)code).ReasonName() : $"REASON_{code}";
}
