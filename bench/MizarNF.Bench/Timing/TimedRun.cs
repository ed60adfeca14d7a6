using MizarNF.Bpf;

namespace MizarNF.Bench.Timing;

/// <summary>One thing to time: a program, the packet it gets and the context it runs with.</summary>
/// <param name="Program">The loaded program.</param>
/// <param name="Packet">The frame; every run starts from these bytes.</param>
/// <param name="Context">An <c>xdp_md</c> or <c>__sk_buff</c>, or null for the kernel's default.</param>
internal sealed record TimedRun(BpfProgram Program, byte[] Packet, byte[]? Context)
{
    /// <summary>
    /// One BPF_PROG_TEST_RUN with repeat = 1, in the kernel's nanoseconds. Never repeat > 1: the
    /// kernel reruns the program on the buffer the previous run rewrote (an encapsulated packet
    /// gets encapsulated again), so the later runs time another path.
    /// </summary>
    public uint Once() => Program.TestRun(Packet, repeat: 1, context: Context).DurationNs;
}
