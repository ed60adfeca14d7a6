namespace MizarNF.Bpf;

/// <summary>What BPF_PROG_TEST_RUN reported.</summary>
/// <param name="ReturnValue">The program's verdict (XDP_TX, TC_ACT_SHOT, ...).</param>
/// <param name="Output">The packet as the program left it.</param>
/// <param name="DurationNs">Average run time per repetition, in nanoseconds.</param>
/// <param name="ContextOutput">The context as the program left it, when one was passed in.</param>
public sealed record TestRunResult(uint ReturnValue, byte[] Output, uint DurationNs, byte[]? ContextOutput);
