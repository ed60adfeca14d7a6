using System.Runtime.InteropServices;

namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>C# mirror of <c>struct mnf_t_flow_stats</c> (Programs/test_structs.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public record struct FlowStats(ulong Packets, ulong Bytes);
