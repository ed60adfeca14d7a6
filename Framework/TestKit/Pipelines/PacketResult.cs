namespace MizarNF.TestKit.Pipelines;

/// <summary>The outcome of one packet through a pipeline (one BPF_PROG_TEST_RUN with repeat = 1).</summary>
/// <param name="Verdict">The verdict, as the epilogue counted it.</param>
/// <param name="Function">The function whose segment decided ("framework" for the prologue or the default verdict).</param>
/// <param name="DropReason">The reason code when dropped, else 0.</param>
/// <param name="DropReasonName">The reason's name when dropped.</param>
/// <param name="ReturnValue">The program's raw return code.</param>
/// <param name="Output">The packet as the program left it.</param>
public sealed record PacketResult(
    PacketVerdict Verdict,
    string Function,
    byte DropReason,
    string? DropReasonName,
    uint ReturnValue,
    byte[] Output);
